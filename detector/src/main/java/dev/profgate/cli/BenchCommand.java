package dev.profgate.cli;

import dev.profgate.base.Progress;
import dev.profgate.bench.BenchReportFiles;
import dev.profgate.bench.BenchRun;
import dev.profgate.bench.ForkProgress;
import dev.profgate.bench.jmh.JmhOptions;
import dev.profgate.report.ReportFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code profgate bench}: runs the JMH benchmarks of a base and a head version with forks interleaved and a profiler
 * attached, compares the scores and the per-function profiles, and gates on one verdict.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run base and head JMH benchmark jars, forks interleaved and profiled, and compare them: "
                + "per benchmark the scores (median, change with 95%% CI, Mann-Whitney p), per function the profile "
                + "diff in cost per operation. Ctrl-C stops every fork. --out gets report.txt, report.md, "
                + "report.json, junit.xml, report.sarif and the flame graphs of the most severe profile comparison.",
                "Exit codes: 0 pass, 1 regression, 2 bad input or usage."})
final class BenchCommand extends BaseCommand {
    private static final EnumSet<ReportFormat> PRINTED = EnumSet.of(ReportFormat.TEXT, ReportFormat.MARKDOWN,
            ReportFormat.JSON);

    @Option(names = "--base-jar", paramLabel = "JAR", description = "Base JMH benchmarks jar.")
    private Path baseJar;

    @Option(names = "--head-jar", paramLabel = "JAR", description = "Head JMH benchmarks jar.")
    private Path headJar;

    @Option(names = "--base-ref", paramLabel = "REV", description = "Base git revision to build (with --build, --jar).")
    private String baseRef;

    @Option(names = "--head-ref", paramLabel = "REV", description = "Head git revision to build (with --build, --jar).")
    private String headRef;

    @Option(names = "--base", paramLabel = "baseline:NAME|DIR",
            description = "Base forks recorded before, not run again: a stored baseline, or the base/ folder of an "
                    + "earlier run's --forks-dir.")
    private String baseRecorded;

    @Option(names = "--head", paramLabel = "baseline:NAME|DIR", description = "Head forks recorded before.")
    private String headRecorded;

    @Mixin
    private StoreMixin store;

    @Mixin
    private BuildMixin builds;

    @Mixin
    private BenchRunMixin benchmarks;

    @Mixin
    private ConfigMixin config;

    @Mixin
    private ReportDeliveryMixin delivery;

    @Override
    public Integer call() {
        delivery.requireFolder();
        if (!PRINTED.contains(delivery.format)) {
            throw usage("--format of bench is text, markdown or json");
        }
        JmhOptions jmh = benchmarks.jmh(2, "the scores are compared across forks");
        BenchRun run = benchmarks.run(version("base", baseJar, baseRef, baseRecorded),
                version("head", headJar, headRef, headRecorded), build(), jmh, config.settings(), delivery.folder(),
                Objects.requireNonNullElse(delivery.gate, "bench"), store.root);
        BenchRun.Result result = run.execute(new ForkProgress(err(), ForkProgress.stderrIsTerminal(), jmh.forkTime()),
                Progress.to(err()));
        return delivery.deliver(BenchReportFiles.render(delivery.format, result.report(), result.gate(),
                delivery.textStyle()),
                result.report().outcome().verdict());
    }

    private BenchRun.Version version(String side, Path jar, String ref, String recorded) {
        if (Stream.of(jar, ref, recorded).filter(Objects::nonNull).count() != 1) {
            throw usage("give exactly one of --" + side + "-jar, --" + side + "-ref and --" + side);
        }
        return new BenchRun.Version(jar, ref, recorded);
    }

    private BenchRun.Build build() {
        boolean refs = baseRef != null || headRef != null;
        if (refs && !builds.complete()) {
            throw usage("--base-ref and --head-ref need --build and --jar");
        }
        if (!refs && builds.any()) {
            throw usage("--build and --jar apply to --base-ref and --head-ref only");
        }
        return refs ? builds.build() : null;
    }
}
