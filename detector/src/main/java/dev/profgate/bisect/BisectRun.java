package dev.profgate.bisect;

import dev.profgate.attribution.AttributionPublisher;
import dev.profgate.base.Progress;
import dev.profgate.bench.BenchRun;
import dev.profgate.bench.jmh.RevisionBuild;
import dev.profgate.bench.jmh.WorkFolder;
import dev.profgate.publish.GitHubEnvironment;
import dev.profgate.report.ReportWriter;
import dev.profgate.source.Git;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The bisect flow without picocli: in a work folder ({@code forksDir}, else a temporary one), build revisions as
 * {@code build} says, compare them with bench runs of {@code bench}'s settings, search the first-parent commits
 * from {@code good} to {@code bad} for the first one where {@code culprit} (null: the confirming run's first
 * regression) regresses, name its pull requests when {@code github} is given, and write the reports to {@code out}.
 * {@code forksDir}, {@code github} and {@code out} may be null.
 */
public record BisectRun(String good, String bad, String culprit, BenchRun bench, BenchRun.Build build,
                        Path forksDir, GitHubEnvironment github, Path out) {
    /** Runs the bisection, with progress on {@code err}; throws {@link dev.profgate.base.BadInputException}. */
    public BisectResult execute(PrintWriter err) {
        BisectResult result = WorkFolder.use(forksDir, "profgate-bisect-", work -> {
            RevisionBuild revisions = new RevisionBuild(build.repo(), build.command(), build.jar(), work,
                    build.timeout(), Progress.to(err));
            BisectBench runs = new BisectBench(bench, revisions, work, err);
            return new Bisection(new Git(build.repo().toAbsolutePath()), runs, bench.jmh().forks(), culprit)
                    .run(good, bad);
        });
        if (github != null && result.found()) {
            result = result.withPullRequests(AttributionPublisher.pullRequestsOf(github, result.firstBad().sha()));
        }
        if (out != null) {
            ReportWriter.writeFiles(BisectReports.files(result), out);
        }
        return result;
    }
}
