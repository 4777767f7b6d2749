package dev.profgate.cli;

import dev.profgate.base.BadInputException;
import dev.profgate.base.DurationText;
import dev.profgate.base.Progress;
import dev.profgate.base.TimeText;
import dev.profgate.config.Settings;
import dev.profgate.deploy.RemoteServer;
import dev.profgate.report.ReportData;
import dev.profgate.report.ReportFormat;
import dev.profgate.watch.AlertCheck;
import dev.profgate.watch.AlertWindow;
import dev.profgate.watch.DatedSource;
import dev.profgate.watch.ServerSource;
import dev.profgate.watch.StepGrid;
import dev.profgate.watch.WatchFiles;
import dev.profgate.watch.WatchFormat;
import dev.profgate.watch.WatchReport;
import dev.profgate.watch.WatchRun;
import dev.profgate.watch.WatchSource;
import dev.profgate.watch.WindowCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code profgate watch}: per-function change points over a series of profiles, step by step, from Pyroscope or Parca
 * ({@code --url}/{@code --selector}, cached), a folder of dated profiles ({@code --profiles}) or the baseline history
 * ({@code --store}), as {@link WatchRun} finds them; or, with {@code --alert}, an Alertmanager alert's window against
 * the window before it ({@link AlertCheck}).
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Find the functions whose cost changed at some step of a time range (change points), listing "
                + "apart the changes that went away (transients) and slow creeps: from Pyroscope or Parca (--url, "
                + "--selector; one merged query per step, complete windows cached in --cache), from a folder of dated "
                + "profiles (--profiles; a date and optional time in each name, e.g. api-2026-03-02T14.pb.gz; "
                + "subfolders are services) or else the baseline history of --store. --out gets report.txt, "
                + "report.md, report.json and one chart-N.svg per finding. With --alert, compares an Alertmanager "
                + "alert's window with the window of the same length before it on the server, as deploy-check does, "
                + "and --out gets compare's reports. The server options may also be set in the deploy section of "
                + "profgate.yml; a flag wins. Exit codes: 0 pass, 1 regression, 2 bad input, usage or an unusable "
                + "server.")
final class WatchCommand extends BaseCommand {
    private static final int MAX_PAYLOAD = 16 << 20;

    @Option(names = "--from", paramLabel = "TIME", defaultValue = "now-7d",
            description = "Start of the range: 2026-03-02T00:00:00Z, Unix seconds or now-7d (default: ${DEFAULT-VALUE}).")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", defaultValue = "now",
            description = "End of the range, at most now (default: ${DEFAULT-VALUE}).")
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
    private RemoteServerMixin server;

    @Option(names = "--cache", paramLabel = "DIR", description = "Folder of the fetched windows; each query (server, "
            + "tenant, selector, type, step) has a subfolder (default: $XDG_CACHE_HOME/profgate/watch, else "
            + "~/.cache/profgate/watch).")
    private Path cache;

    @Option(names = "--cache-keep", paramLabel = "DURATION", defaultValue = "35d",
            description = "Each run deletes this query's cached windows that ended longer ago, and before --from "
                    + "(default: ${DEFAULT-VALUE}).")
    private String cacheKeep;

    @Option(names = "--no-cache", description = "Fetch every window and store none.")
    private boolean noCache;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Windows fetched at once, at most the machine's cores (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "Windows started a second at most, e.g. 2 or 0.5 (default: ${DEFAULT-VALUE}, no limit "
                    + "beyond --concurrency).")
    private double rate;

    @Option(names = "--alert", paramLabel = "FILE|-",
            description = "Alertmanager webhook payload (- for standard input): its labels give the selector through "
                    + "watch.alert.selector in profgate.yml (or --selector), e.g. '{service_name=\"$service\"}'; "
                    + "its window is compared with the window of the same length before it.")
    private String alert;

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
        Settings settings = config.settings();
        if (alert != null) {
            return alert(settings, now);
        }
        boolean remote = server.urlGiven() || server.selector != null;
        if (remote && profiles != null) {
            throw usage("give either --url/--selector or --profiles, not both");
        }
        Instant start = TimeText.parse(from, "--from", now);
        Instant end = min(TimeText.parse(to, "--to", now), now);
        Duration length = DurationText.parse(step, "--step");
        StepGrid grid = remote ? StepGrid.aligned(start, end, length) : StepGrid.of(start, end, length);
        ServerSource remoteSource = remote ? ServerSource.open(new RemoteServer(server.given(), server.secrets()),
                settings, noCache ? null : cache != null ? cache : WindowCache.defaultRoot(),
                DurationText.parse(cacheKeep, "--cache-keep"), concurrency, rate, now) : null;
        WatchSource source = remote ? remoteSource : new DatedSource(profiles, store.root);
        WatchRun run = new WatchRun(source, grid, type.name, wentAway, window, settings);
        publishing.prepare(remote);
        Progress progress = Progress.to(err());
        WatchReport report = publishing.attribute(run.analyse(progress), err(),
                remote ? label -> remoteSource.deploys(label, grid) : null);
        if (out.folder != null) {
            WatchFiles.write(report, out.folder);
        }
        print(format.render(report));
        publishing.publish(report, err());
        return failOn.value.exitCode(report.verdict());
    }

    /** The earlier of two times: a range is never read beyond now, where no window is complete. */
    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private int alert(Settings settings, Instant now) {
        String template = server.selector != null ? server.selector : settings.watch().alertSelector();
        AlertWindow window = AlertWindow.of(payload(), alert.equals("-") ? "standard input" : alert, template, now);
        ReportData report = new AlertCheck(server.given(), server.secrets())
                .prepare(window, settings, out.folder, now).compare(Progress.to(err())).report();
        print(ReportFormat.valueOf(format.name()).render(report));
        return failOn.value.exitCode(report.comparison().verdict());
    }

    /** Prints the report on standard output, then where its files were written. */
    private void print(String rendered) {
        PrintWriter stdout = out();
        stdout.print(rendered);
        if (out.folder != null) {
            stdout.println("Report written to " + out.folder);
        }
        stdout.flush();
    }

    /** The payload of --alert, from its file or standard input. */
    private byte[] payload() {
        try {
            return alert.equals("-") ? System.in.readNBytes(MAX_PAYLOAD) : Files.readAllBytes(Path.of(alert));
        } catch (NoSuchFileException e) {
            throw new BadInputException(alert, "no such alert payload file");
        } catch (IOException e) {
            throw new BadInputException(alert, "cannot read the alert payload: " + e.getMessage());
        }
    }
}
