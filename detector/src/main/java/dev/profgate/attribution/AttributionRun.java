package dev.profgate.attribution;

import dev.profgate.base.BadInputException;
import dev.profgate.publish.GitHubEnvironment;
import dev.profgate.report.ReportData;
import dev.profgate.report.ReportWriter;
import dev.profgate.source.Git;
import dev.profgate.source.RepoFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The attribution flow without picocli: attributes each regression of a finished report to the commits of
 * {@code baseRef..headRef} in {@code repo} that changed its code, tells the user on {@code err}, writes
 * {@code attribution.md} beside the reports, and with {@code github} comments on the implicated pull requests and
 * posts the deployment status to {@code environment}. With {@code github} the head defaults to the run's commit
 * and, with {@code environment}, the base to the previous successful deployment there; else the head is HEAD.
 * {@code baseRef}, {@code headRef}, {@code environment} and {@code github} may be null.
 */
public record AttributionRun(String baseRef, String headRef, Path repo, String environment,
                             GitHubEnvironment github) {
    /** Attributes {@code report}'s regressions, their functions' sources in {@code frames}; {@code out} may be null. */
    public void run(ReportData report, FrameSources frames, Path out, PrintWriter err) {
        Git git = new Git(repo.toAbsolutePath());
        ChangeSet changes = ChangeSet.between(git, base(), headRef != null ? headRef : github != null
                ? github.headSha() : "HEAD");
        List<String> notes = new ArrayList<>();
        RepoFiles files = RepoFiles.of(git.repo(), notes);
        List<Attribution> attributions = new Attributor(git, changes, files, frames)
                .attribute(report.comparison().findings(), report::hits);
        notes.forEach(note -> err.println("profgate: warning: " + note));
        attributions.forEach(a -> print(a, err));
        if (out != null) {
            ReportWriter.addFile(out, ReportWriter.ATTRIBUTION, AttributionMarkdown.summary(attributions, changes,
                    Map.of()));
        }
        if (github != null) {
            publish(report, attributions, changes, err);
        }
        err.flush();
    }

    private void publish(ReportData report, List<Attribution> attributions, ChangeSet changes, PrintWriter err) {
        AttributionPublisher.Result result = AttributionPublisher.publish(github, attributions, changes,
                report.gate(), report.comparison().verdict(), environment);
        err.println("profgate: GitHub: attribution comment on " + (result.commented().isEmpty() ? "no pull request"
                : "PR #" + String.join(", #", result.commented().stream().map(String::valueOf).toList()))
                + ", deployment status " + (result.deploymentState() == null ? "not posted"
                : result.deploymentState()));
    }

    private String base() {
        if (baseRef != null) {
            return baseRef;
        }
        if (github != null && environment != null) {
            return AttributionPublisher.previousDeployment(github, environment);
        }
        throw new BadInputException("--base-ref", "give the commit before the change (or --github with "
                + "--environment to use the previous successful deployment)");
    }

    private static void print(Attribution a, PrintWriter err) {
        String finding = a.finding().function() + (a.frame().isEmpty() || a.frame().equals(a.finding().function())
                ? "" : " <- " + a.frame());
        if (a.suspects().isEmpty()) {
            err.println("profgate: attribution: " + finding + ": " + a.note());
        }
        for (Suspect s : a.suspects()) {
            err.println("profgate: attribution: " + finding + ": " + s.confidence().label() + " "
                    + s.commit().shortSha() + " " + s.evidence());
        }
    }
}
