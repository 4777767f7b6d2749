package dev.profgate.cli;

import dev.profgate.bench.BenchRun;
import dev.profgate.bench.jmh.JmhOptions;
import dev.profgate.bisect.BisectReports;
import dev.profgate.bisect.BisectResult;
import dev.profgate.bisect.BisectRun;
import dev.profgate.publish.GitHubEnvironment;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code profgate bisect}: the first commit between a good and a bad revision that brought a function regression. */
@Command(name = "bisect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find the first commit that made a function regress: one bench run of --good against --bad "
                + "confirms the culprit function, then a binary search of the first-parent commits between them, one "
                + "bench run of --good against the middle commit per step (bad = the same culprit regresses "
                + "significantly). Each revision is built once, in a temporary git worktree. --out gets bisect.txt, "
                + "bisect.md and bisect.json.",
                "Exit codes: 0 first bad commit found, 1 not found (no regression, or a step inconclusive), "
                        + "2 bad input or usage."})
final class BisectCommand extends BaseCommand {
    @Option(names = "--good", required = true, paramLabel = "REV", description = "A revision without the regression.")
    private String good;

    @Option(names = "--bad", required = true, paramLabel = "REV", description = "A later revision with it.")
    private String bad;

    @Option(names = "--culprit", paramLabel = "FUNCTION",
            description = "The regressed function to follow (full name or its end, such as Pattern.compile; default: "
                    + "the first significant regression of the confirming run).")
    private String culprit;

    @Mixin
    private BuildMixin builds;

    @Mixin
    private BenchRunMixin benchmarks;

    @Mixin
    private ConfigMixin config;

    @Mixin
    private OutMixin out;

    @Option(names = "--github", description = "Name the first bad commit's pull requests (GitHub API, from the "
            + "GITHUB_REPOSITORY and GITHUB_TOKEN of the environment).")
    private boolean github;

    @Override
    public Integer call() {
        if (!builds.complete()) {
            throw usage("bisect builds each revision: give --build and --jar");
        }
        JmhOptions jmh = benchmarks.jmh(1, "one fork a side is compared in time windows");
        GitHubEnvironment env = github ? GitHubEnvironment.from(System.getenv()) : null;
        BenchRun bench = benchmarks.run(null, null, null, jmh, config.settings(), null, "bisect", null);
        PrintWriter err = err();
        BisectResult result = new BisectRun(good, bad, culprit, bench, builds.build(), benchmarks.forksDir, env,
                out.folder).execute(err);
        PrintWriter stdout = out();
        stdout.print(BisectReports.text(result));
        stdout.flush();
        if (out.folder != null) {
            err.println("profgate: reports written to " + out.folder);
            err.flush();
        }
        return result.found() ? EXIT_PASS : EXIT_REGRESSION;
    }
}
