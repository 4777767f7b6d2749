package dev.profgate.watch;

import dev.profgate.attribution.Attribution;
import dev.profgate.attribution.AttributionPublisher;
import dev.profgate.attribution.Attributor;
import dev.profgate.attribution.ChangeSet;
import dev.profgate.attribution.FrameSources;
import dev.profgate.publish.GitHubEnvironment;
import dev.profgate.source.Git;
import dev.profgate.source.RepoFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attributes each change point of a report to the deploy around its step and, with {@code repo} (the deploys'
 * versions are then commits or tags of it), the regression to the commits between the previous deploy and that one
 * that changed its code, as {@code --attribute} does; with {@code github} (may be null) each commit's pull requests.
 */
public record DeployAttribution(Deploys deploys, Path repo, GitHubEnvironment github) {
    /** The report with every change point attributed; {@code notes} gets what could not be read. */
    public WatchReport attribute(WatchReport report, List<String> notes) {
        List<Deployed> deployed = new ArrayList<>();
        for (ChangePoint point : report.changePoints()) {
            Deployed.Match match = deploys.around(point.at(), report.grid().step()).orElse(null);
            Attribution attribution = match == null || match.previous() == null || repo == null ? null
                    : commits(point, match, notes);
            deployed.add(new Deployed(point, match, attribution, pullRequests(attribution)));
        }
        return report.withDeploys(deployed);
    }

    private Attribution commits(ChangePoint point, Deployed.Match match, List<String> notes) {
        Git git = new Git(repo.toAbsolutePath());
        ChangeSet changes = ChangeSet.between(git, git.resolve(match.previous().version(), "--deploys"),
                git.resolve(match.deploy().version(), "--deploys"));
        List<Attribution> attributed = new Attributor(git, changes, RepoFiles.of(git.repo(), notes),
                new FrameSources(List.of())).attribute(List.of(point.finding()), finding -> point.rules());
        return attributed.isEmpty() ? null : attributed.get(0);
    }

    private Map<String, List<Integer>> pullRequests(Attribution attribution) {
        Map<String, List<Integer>> prs = new LinkedHashMap<>();
        if (attribution != null && github != null) {
            attribution.implicated().forEach(s -> prs.put(s.commit().sha(),
                    AttributionPublisher.pullRequestsOf(github, s.commit().sha())));
        }
        return prs;
    }
}
