package dev.profgate.cli;

import dev.profgate.base.Progress;
import dev.profgate.config.Settings;
import dev.profgate.quarterly.Quarter;
import dev.profgate.quarterly.QuarterlyData;
import dev.profgate.quarterly.QuarterlyRun;
import dev.profgate.quarterly.QuarterlySource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code profgate quarterly --from DATE --to DATE}: the quarterly optimization report over a Pyroscope server
 * ({@code --url}, one merged query per week and {@code --service}), a folder of dated profiles ({@code --profiles})
 * or the baseline history ({@code --store}, the default), as {@link QuarterlySource} reads them.
 */
@Command(name = "quarterly", mixinStandardHelpOptions = true,
        description = "Write the quarterly optimization report (HTML, Markdown, JSON, SVG trend charts) to --out "
                + "(default: reports/YYYY-Qn), from a Pyroscope server (--url; token from PROFGATE_TOKEN or "
                + "PYROSCOPE_TOKEN), a folder of dated profiles (--profiles), or else the baseline history of "
                + "--store. The settings file gives the cost section, policy and rules.")
final class QuarterlyCommand extends BaseCommand {
    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (YYYY-MM-DD, UTC).")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Day after the last (YYYY-MM-DD).")
    private String to;

    @Mixin
    private TypeMixin type;

    @Mixin
    private ServerUrlMixin url;

    @Option(names = "--service", paramLabel = "NAME", description = "Service (service_name) to report, repeatable; "
            + "needed with --url.")
    private List<String> services = List.of();

    @Option(names = "--profiles", paramLabel = "DIR",
            description = "Folder of profiles with a date (YYYY-MM-DD) in their names; subfolders are services.")
    private Path profiles;

    @Mixin
    private StoreMixin store;

    @Mixin
    private ConfigMixin config;

    @Mixin
    private OutMixin out;

    @Override
    public Integer call() {
        Quarter quarter = Quarter.parse(from, to);
        Settings settings = config.settings();
        Path folder = out.folderOr(Path.of("reports", quarter.name()));
        QuarterlySource source = new QuarterlySource(url.url, services, profiles, store.root);
        QuarterlyData data = new QuarterlyRun(quarter, source.open(type.name, settings.limits()), type.name,
                settings).writeTo(folder, Progress.to(err()));
        PrintWriter stdout = out();
        data.summary().forEach(stdout::println);
        stdout.println("Report written to " + folder);
        stdout.flush();
        return EXIT_PASS;
    }
}
