package dev.profgate.watch;

import dev.profgate.publish.GitHubApi;
import dev.profgate.publish.GitHubApiException;
import dev.profgate.publish.GitHubEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GHIssue;

/**
 * A GitHub issue per regression a watch run confirms: the repository's open issues labelled {@code label} are read
 * once; a regression whose fingerprint ({@link WatchIssue}) matches one (same service and function, step within
 * {@link #SAME_STEPS} steps) updates it when its text changed, else opens a new one; an open issue of a service this
 * run read, whose step lies in the run's range, that no regression matches any more is closed with a comment. A
 * failed call is a one-line {@link dev.profgate.base.BadInputException} without the token.
 */
public record WatchIssues(GitHubEnvironment github, String label, String reportUrl, String artifactUrl) {
    /** Steps a rerun's change point may move and still be the same regression. */
    static final int SAME_STEPS = 2;

    /** The issue numbers opened, updated, left as they were and closed. */
    public record Result(List<Integer> created, List<Integer> updated, List<Integer> unchanged, List<Integer> closed) {
        public Result {
            created = List.copyOf(created);
            updated = List.copyOf(updated);
            unchanged = List.copyOf(unchanged);
            closed = List.copyOf(closed);
        }
    }

    /** Opens, updates and closes the issues of {@code report}'s regressions. */
    public Result publish(WatchReport report) {
        try {
            return sync(GitHubApi.connect(github), report);
        } catch (GitHubApiException e) {
            throw e.toUserError();
        }
    }

    private Result sync(GitHubApi api, WatchReport report) {
        List<GHIssue> open = api.openIssues(label);
        Set<GHIssue> seen = new HashSet<>();
        List<Integer> created = new ArrayList<>();
        List<Integer> updated = new ArrayList<>();
        List<Integer> unchanged = new ArrayList<>();
        WatchIssueMarkdown.Links links = new WatchIssueMarkdown.Links(reportUrl, artifactUrl, github.runUrl());
        List<Charted> charted = Charted.of(report);
        List<WatchIssue> handled = new ArrayList<>();
        for (int i = 0; i < report.changePoints().size(); i++) {
            ChangePoint point = report.changePoints().get(i);
            WatchIssue fingerprint = WatchIssue.of(point);
            if (!point.regression() || handled.stream().anyMatch(h -> h.sameChange(fingerprint,
                    report.grid().step(), SAME_STEPS))) {
                continue;
            }
            handled.add(fingerprint);
            String body = WatchIssueMarkdown.body(report, charted.get(i), point, links);
            Optional<GHIssue> existing = find(open, fingerprint, report);
            if (existing.isEmpty()) {
                created.add(api.createIssue(WatchIssueMarkdown.title(point), body, label).getNumber());
            } else if (body.equals(existing.get().getBody())) {
                seen.add(existing.get());
                unchanged.add(existing.get().getNumber());
            } else {
                seen.add(existing.get());
                api.updateIssue(existing.get(), body);
                updated.add(existing.get().getNumber());
            }
        }
        List<Integer> closed = new ArrayList<>();
        for (GHIssue issue : open) {
            Optional<WatchIssue> gone = WatchIssue.parse(issue.getBody()).filter(f -> !seen.contains(issue)
                    && watched(f, report));
            if (gone.isPresent()) {
                api.closeIssue(issue, WatchIssueMarkdown.closing(gone.get(), report, wentAway(gone.get(), report),
                        github.runUrl()));
                closed.add(issue.getNumber());
            }
        }
        return new Result(created, updated, unchanged, closed);
    }

    private static Optional<GHIssue> find(List<GHIssue> open, WatchIssue fingerprint, WatchReport report) {
        return open.stream().filter(issue -> WatchIssue.parse(issue.getBody())
                .filter(f -> f.sameChange(fingerprint, report.grid().step(), SAME_STEPS)).isPresent()).findFirst();
    }

    /** Whether this run could have seen the change: its service was read and its step is in the range. */
    private static boolean watched(WatchIssue issue, WatchReport report) {
        Instant end = report.grid().start(report.grid().count());
        return report.services().contains(issue.service()) && !issue.at().isBefore(report.grid().from())
                && issue.at().isBefore(end);
    }

    private static boolean wentAway(WatchIssue issue, WatchReport report) {
        return report.transients().stream().map(WatchIssue::of)
                .anyMatch(t -> t.sameChange(issue, report.grid().step(), SAME_STEPS));
    }
}
