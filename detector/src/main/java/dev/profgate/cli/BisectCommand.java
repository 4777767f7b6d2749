package dev.profgate.cli;

import dev.profgate.bench.BenchRun;
import dev.profgate.bench.jmh.JmhOptions;
import dev.profgate.bisect.BisectReports;
import dev.profgate.bisect.BisectResult;
import dev.profgate.bisect.BisectRun;
import dev.profgate.publish.GitHubEnvironment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code profgate bisect}: the first commit between a good and a bad revision that brought a function regression. */
@Command(name = "bisect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find the first commit that made a function regress: one bench run of --good against --bad "
                + "confirms the culprit function, then a binary search of the first-parent commits between them, one "
                + "bench run of --good against the middle commit per step (bad = the same culprit regresses "
                + "significantly). Each revision is built once, in a temporary git worktree.",
                "Exit codes: 0 first bad commit found, 1 not found (no regression, or a step inconclusive), "
                        + "2 bad input or usage."})
final class BisectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--good", required = true, paramLabel = "REV", description = "A revision without the regression.")
    private String good;

    @Option(names = "--bad", required = true, paramLabel = "REV", description = "A later revision with it.")
    private String bad;

    @Option(names = "--culprit", paramLabel = "FUNCTION",
            description = "The regressed function to follow (full name or its end, such as Pattern.compile; default: "
                    + "the first significant regression of the confirming run).")
    private String culprit;

    @Mixin
    private BuildOptions builds;

    @Mixin
    private BenchSettings settings;

    @Option(names = "--out", paramLabel = "DIR", description = "Write bisect.json, bisect.md and bisect.txt here.")
    private Path out;

    @Option(names = "--forks-dir", paramLabel = "DIR",
            description = "Keep the builds and each run's forks here (default: a temporary folder, removed).")
    private Path forksDir;

    @Option(names = "--github", description = "Name the first bad commit's pull requests (GitHub API, from the "
            + "GITHUB_REPOSITORY and GITHUB_TOKEN of the environment).")
    private boolean github;

    @Override
    public Integer call() {
        if (!builds.complete()) {
            throw new ParameterException(spec.commandLine(), "bisect builds each revision: give --build and --jar");
        }
        JmhOptions jmh = settings.jmh(spec, 1, "one fork a side is compared in time windows");
        GitHubEnvironment env = github ? GitHubEnvironment.from(System.getenv()) : null;
        PrintWriter err = spec.commandLine().getErr();
        BenchRun bench = settings.run(null, null, null, jmh, null, "bisect", null, null);
        BisectResult result = new BisectRun(good, bad, culprit, bench, builds.build(), forksDir, env, out).execute(err);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(BisectReports.text(result));
        stdout.flush();
        if (out != null) {
            err.println("profgate: reports written to " + out);
            err.flush();
        }
        return result.found() ? 0 : Main.EXIT_REGRESSION;
    }
}
