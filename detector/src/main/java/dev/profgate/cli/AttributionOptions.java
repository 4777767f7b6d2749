package dev.profgate.cli;

import dev.profgate.attribution.Attribution;
import dev.profgate.attribution.AttributionMarkdown;
import dev.profgate.attribution.AttributionPublisher;
import dev.profgate.attribution.Attributor;
import dev.profgate.attribution.ChangeSet;
import dev.profgate.attribution.Suspect;
import dev.profgate.base.BadInputException;
import dev.profgate.compare.Analysed;
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
import picocli.CommandLine.Option;

/**
 * {@code --attribute} and its range: attributes each regression of a finished run to the commits (and, with
 * {@code --github}, the pull requests) of {@code --base-ref..--head-ref}, writes {@code attribution.md} beside the
 * reports, tells the user on standard error, and with {@code --github} comments on the implicated pull requests,
 * posts the deployment status and writes the job summary. In GitHub Actions the head defaults to the run's commit and,
 * with {@code --environment}, the base to the previous successful deployment to that environment.
 */
final class AttributionOptions {
    @Option(names = "--attribute", description = "Attribute each regression to the commits and pull requests that "
            + "changed its code between --base-ref and --head-ref.")
    boolean attribute;
    @Option(names = "--base-ref", paramLabel = "REV", description = "Commit before the change (default with --github "
            + "and --environment: the previous successful deployment's).")
    String baseRef;
    @Option(names = "--head-ref", paramLabel = "REV", description = "Commit after the change (default: GITHUB_SHA "
            + "with --github, else HEAD).")
    String headRef;
    @Option(names = "--repo", paramLabel = "DIR", description = "The git repository (default: the working directory).")
    Path repo;
    @Option(names = "--environment", paramLabel = "NAME", description = "GitHub deployment environment: base of the "
            + "range and where the deployment status goes.")
    String environment;

    /** Attributes {@code analysed}'s regressions; publishes to the GitHub of the process environment when asked. */
    void run(Analysed analysed, Path out, boolean github, PrintWriter err) {
        GitHubEnvironment env = github ? GitHubEnvironment.from(System.getenv()) : null;
        Git git = new Git((repo == null ? Path.of("") : repo).toAbsolutePath());
        ChangeSet changes = ChangeSet.between(git, base(env), headRef != null ? headRef : env != null
                ? env.headSha() : "HEAD");
        List<String> notes = new ArrayList<>();
        RepoFiles files = RepoFiles.of(git.repo(), notes);
        ReportData report = analysed.report();
        List<Attribution> attributions = new Attributor(git, changes, files, analysed.frames())
                .attribute(report.comparison().findings(), report::hits);
        notes.forEach(note -> err.println("profgate: warning: " + note));
        attributions.forEach(a -> print(a, err));
        if (out != null) {
            ReportWriter.addFile(out, ReportWriter.ATTRIBUTION, AttributionMarkdown.summary(attributions, changes,
                    Map.of()));
        }
        if (env != null) {
            AttributionPublisher.Result result = AttributionPublisher.publish(env, attributions, changes,
                    report.gate(), report.comparison().verdict(), environment);
            err.println("profgate: GitHub: attribution comment on " + (result.commented().isEmpty() ? "no pull request"
                    : "PR #" + String.join(", #", result.commented().stream().map(String::valueOf).toList()))
                    + ", deployment status " + (result.deploymentState() == null ? "not posted"
                    : result.deploymentState()));
        }
        err.flush();
    }

    private String base(GitHubEnvironment env) {
        if (baseRef != null) {
            return baseRef;
        }
        if (env != null && environment != null) {
            return AttributionPublisher.previousDeployment(env, environment);
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
