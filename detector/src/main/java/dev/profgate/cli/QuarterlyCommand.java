package dev.profgate.cli;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.compare.CompareRun;
import dev.profgate.config.Settings;
import dev.profgate.net.Network;
import dev.profgate.quarterly.Quarter;
import dev.profgate.quarterly.QuarterlyData;
import dev.profgate.quarterly.QuarterlyRun;
import dev.profgate.source.BaselineStore;
import dev.profgate.source.remote.Credentials;
import dev.profgate.source.remote.Endpoint;
import dev.profgate.source.remote.PyroscopeClient;
import dev.profgate.source.weekly.BaselineWeeks;
import dev.profgate.source.weekly.FolderWeeks;
import dev.profgate.source.weekly.PyroscopeWeeks;
import dev.profgate.source.weekly.WeeklySource;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code profgate quarterly --from DATE --to DATE}: the quarterly optimization report over a Pyroscope server
 * ({@code --url}, one merged query per week and {@code --service}), a folder of dated profiles ({@code --profiles})
 * or the baseline history ({@code --store}, the default).
 */
@Command(name = "quarterly", mixinStandardHelpOptions = true,
        description = "Write the quarterly optimization report (HTML, Markdown, JSON, SVG trend charts).")
final class QuarterlyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (YYYY-MM-DD, UTC).")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Day after the last (YYYY-MM-DD).")
    private String to;

    @Option(names = {"--url", "--pyroscope-url"}, paramLabel = "URL",
            description = "Pyroscope server to query (token from PROFGATE_TOKEN or PYROSCOPE_TOKEN).")
    private String url;

    @Option(names = "--service", paramLabel = "NAME", description = "Service (service_name) to report, repeatable; "
            + "needed with --url.")
    private List<String> services = List.of();

    @Option(names = "--profiles", paramLabel = "DIR",
            description = "Folder of profiles with a date (YYYY-MM-DD) in their names; subfolders are services.")
    private Path profiles;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "baselines",
            description = "Baseline store whose history is reported when neither --url nor --profiles is given "
                    + "(default: ./${DEFAULT-VALUE}).")
    private Path store;

    @Option(names = "--type", paramLabel = "T", description = "Sample type (default: cpu from a server, else each "
            + "profile's default type).")
    private String type;

    @Option(names = "--config", paramLabel = "FILE",
            description = "profgate.yml with the cost section, policy and rules (default: ./profgate.yml if it "
                    + "exists).")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: reports/YYYY-Qn).")
    private Path out;

    @Override
    public Integer call() {
        Quarter quarter = Quarter.parse(from, to);
        Settings settings = Settings.load(CompareRun.configOrDefault(config));
        Path folder = out != null ? out : Path.of("reports", quarter.name());
        QuarterlyData data = new QuarterlyRun(quarter, source(settings.limits()), type, settings)
                .writeTo(folder);
        PrintWriter stdout = spec.commandLine().getOut();
        data.summary().forEach(stdout::println);
        stdout.println("Report written to " + folder);
        stdout.flush();
        return 0;
    }

    private WeeklySource source(Limits limits) {
        if (url != null && profiles != null) {
            throw new BadInputException("--url", "give either --url or --profiles, not both");
        }
        if (url != null) {
            if (services.isEmpty()) {
                throw new BadInputException("--service", "name the services to report with --url");
            }
            String token = System.getenv("PROFGATE_TOKEN") != null ? System.getenv("PROFGATE_TOKEN")
                    : System.getenv("PYROSCOPE_TOKEN");
            Endpoint endpoint = new Endpoint(URI.create(url), new Credentials(token, null, null), "",
                    Duration.ofSeconds(10), Duration.ofSeconds(60), 2, Duration.ofMillis(500), Network.fromEnvironment());
            return new PyroscopeWeeks(new PyroscopeClient(endpoint, limits), type == null ? "cpu" : type, services);
        }
        return profiles != null ? new FolderWeeks(profiles, limits)
                : new BaselineWeeks(new BaselineStore(store, limits));
    }
}
