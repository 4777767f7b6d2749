package dev.profgate.cli;

import dev.profgate.base.DurationText;
import dev.profgate.base.Progress;
import dev.profgate.base.TimeText;
import dev.profgate.watch.StepGrid;
import dev.profgate.watch.WatchFiles;
import dev.profgate.watch.WatchFormat;
import dev.profgate.watch.WatchReport;
import dev.profgate.watch.WatchRun;
import dev.profgate.watch.WatchSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code profgate watch}: per-function change points over a series of profiles, step by step, from a folder of dated
 * profiles ({@code --profiles}) or the baseline history ({@code --store}), as {@link WatchRun} finds them.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Find the functions whose cost changed at some step of a time range (change points), listing "
                + "apart the changes that went away (transients) and slow creeps, from a folder of dated profiles "
                + "(--profiles; a date and optional time in each name, e.g. api-2026-03-02T14.pb.gz; subfolders are "
                + "services) or else the baseline history of --store. --out gets report.txt, report.md, report.json "
                + "and one chart-N.svg per finding. Exit codes: 0 pass, 1 regression, 2 bad input or usage.")
final class WatchCommand extends BaseCommand {
    @Option(names = "--from", paramLabel = "TIME", defaultValue = "now-7d",
            description = "Start of the range: 2026-03-02T00:00:00Z, Unix seconds or now-7d (default: ${DEFAULT-VALUE}).")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", defaultValue = "now",
            description = "End of the range (default: ${DEFAULT-VALUE}).")
    private String to;

    @Option(names = "--step", paramLabel = "DURATION", defaultValue = "1h",
            description = "Step length: the profiles of a step are merged into one (default: ${DEFAULT-VALUE}).")
    private String step;

    @Option(names = "--went-away", paramLabel = "N", defaultValue = "3",
            description = "A change that reverts within N steps is a transient: listed apart, never fails "
                    + "(default: ${DEFAULT-VALUE}).")
    private int wentAway;

    @Option(names = "--window", paramLabel = "N", defaultValue = "24",
            description = "Steps compared either side of a candidate when the range has no daily cycle (fewer than "
                    + "two days, or steps that do not divide a day; default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--profiles", paramLabel = "DIR",
            description = "Folder of profiles with a date (YYYY-MM-DD) and time (THH or THH-MM) in their names.")
    private Path profiles;

    @Mixin
    private StoreMixin store;

    @Mixin
    private TypeMixin type;

    @Mixin
    private ConfigMixin config;

    @Mixin
    private OutMixin out;

    @Option(names = "--format", paramLabel = "text|markdown|json", defaultValue = "text",
            description = "Report printed on standard output (default: ${DEFAULT-VALUE}).")
    private WatchFormat format;

    @Mixin
    private FailOnMixin failOn;

    @Mixin
    private WatchPublishMixin publishing;

    @Override
    public Integer call() {
        Instant now = Instant.now();
        StepGrid grid = StepGrid.of(TimeText.parse(from, "--from", now), TimeText.parse(to, "--to", now),
                DurationText.parse(step, "--step"));
        WatchRun run = new WatchRun(new WatchSource(profiles, store.root), grid, type.name, wentAway, window,
                config.settings());
        publishing.prepare();
        Progress progress = Progress.to(err());
        WatchReport report = publishing.attribute(run.analyse(progress), err());
        if (out.folder != null) {
            WatchFiles.write(report, out.folder);
        }
        PrintWriter stdout = out();
        stdout.print(format.render(report));
        if (out.folder != null) {
            stdout.println("Report written to " + out.folder);
        }
        stdout.flush();
        publishing.publish(report, err());
        return failOn.value.exitCode(report.verdict());
    }
}
