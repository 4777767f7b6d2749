package dev.profgate.watch;

import dev.profgate.base.BadInputException;
import dev.profgate.base.TimeText;
import dev.profgate.publish.GitHubApi;
import dev.profgate.publish.GitHubApiException;
import dev.profgate.publish.GitHubEnvironment;
import dev.profgate.source.remote.LabelSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHDeployment;

/**
 * The deploys a change point may be attributed to, oldest first: read from a file of lines {@code TIME VERSION}
 * ({@code --deploys}; blank lines and {@code #} comments skipped), from GitHub deployments, or from the changes of a
 * version label on the server.
 */
public record Deploys(List<Deploy> all) {
    private static final int MAX_LINES = 100_000;

    public Deploys {
        all = all.stream().sorted(Comparator.comparing(Deploy::at)).toList();
    }

    /** The deploys listed in {@code file}: a time (as {@code --from} takes it) and a version or commit a line. */
    public static Deploys read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read the deploy list: " + e.getMessage());
        }
        if (lines.size() > MAX_LINES) {
            throw new BadInputException(file.toString(), "more than " + MAX_LINES + " lines");
        }
        List<Deploy> deploys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+", 3);
            String where = file + ":" + (i + 1);
            if (fields.length != 2) {
                throw new BadInputException(where, "expected 'TIME VERSION' (e.g. 2026-03-06T04:00:00Z v1.4.2)");
            }
            deploys.add(new Deploy(TimeText.parse(fields[0], where, Instant.EPOCH), fields[1]));
        }
        return new Deploys(deploys);
    }

    /**
     * The successful deployments to {@code environment} of {@code github}'s repository, each at its creation time
     * with its commit as the version.
     */
    public static Deploys fromGitHub(GitHubEnvironment github, String environment) {
        try {
            GitHubApi api = GitHubApi.connect(github);
            List<Deploy> deploys = new ArrayList<>();
            for (GHDeployment deployment : api.deployments(environment)) {
                if (api.succeeded(deployment)) {
                    deploys.add(new Deploy(createdAt(deployment), deployment.getSha()));
                }
            }
            return new Deploys(deploys);
        } catch (GitHubApiException e) {
            throw e.toUserError();
        }
    }

    /**
     * The deploys a server's version label shows ({@code series}: the samples per value of the label over time):
     * wherever the value holding most samples changes, the new value, deployed when it first had samples since the
     * change before. Series without a value (profiles without the label) are left out.
     */
    public static Deploys fromVersions(List<LabelSeries> series) {
        List<LabelSeries> versions = series.stream().filter(s -> !s.value().isEmpty()).toList();
        long[] times = versions.stream().flatMapToLong(s -> Arrays.stream(s.times())).distinct().sorted().toArray();
        List<Deploy> deploys = new ArrayList<>();
        LabelSeries current = null;
        long changed = Long.MIN_VALUE;
        for (long time : times) {
            LabelSeries top = versions.stream().max(Comparator.comparingDouble(s -> value(s, time))).orElseThrow();
            if (value(top, time) <= 0 || top == current) {
                continue;
            }
            if (current != null) {
                long since = changed;
                long first = Arrays.stream(top.times()).filter(t -> t > since && value(top, t) > 0).min()
                        .orElse(time);
                deploys.add(new Deploy(Instant.ofEpochMilli(first), top.value()));
            }
            current = top;
            changed = time;
        }
        return new Deploys(deploys);
    }

    private static double value(LabelSeries series, long time) {
        int i = Arrays.binarySearch(series.times(), time);
        return i >= 0 ? series.values()[i] : 0;
    }

    private static Instant createdAt(GHDeployment deployment) {
        try {
            return deployment.getCreatedAt().toInstant();
        } catch (IOException e) {
            throw new BadInputException("GitHub deployment " + deployment.getId(), "no creation time: "
                    + e.getMessage());
        }
    }

    /**
     * The deploy a change at {@code at} follows: the one nearest {@code at} from one step before to two steps after
     * it (a deploy within the step before or after can move the change by a step), and the deploy before it.
     */
    public Optional<Deployed.Match> around(Instant at, Duration step) {
        Instant from = at.minus(step);
        Instant to = at.plus(step.multipliedBy(2));
        Optional<Deploy> nearest = all.stream().filter(d -> !d.at().isBefore(from) && d.at().isBefore(to))
                .min(Comparator.comparing(d -> Duration.between(d.at(), at).abs()));
        return nearest.map(deploy -> new Deployed.Match(deploy, all.stream()
                .filter(d -> d.at().isBefore(deploy.at())).reduce((a, b) -> b).orElse(null)));
    }
}
