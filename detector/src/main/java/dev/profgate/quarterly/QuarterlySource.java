package dev.profgate.quarterly;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.net.Network;
import dev.profgate.source.BaselineStore;
import dev.profgate.source.remote.Credentials;
import dev.profgate.source.remote.Endpoint;
import dev.profgate.source.remote.PyroscopeClient;
import dev.profgate.source.weekly.BaselineWeeks;
import dev.profgate.source.weekly.FolderWeeks;
import dev.profgate.source.weekly.PyroscopeWeeks;
import dev.profgate.source.weekly.WeeklySource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where a quarterly report's profiles come from: a Pyroscope server ({@code url}, one merged query per week and
 * service of {@code services}, the token from PROFGATE_TOKEN, else PYROSCOPE_TOKEN), a folder of dated profiles
 * ({@code profiles}), or else the history of the baseline store {@code store}. {@code url} and {@code profiles} may
 * be null.
 */
public record QuarterlySource(String url, List<String> services, Path profiles, Path store) {
    public QuarterlySource {
        services = List.copyOf(services);
    }

    /** The weekly source, read within {@code limits}; {@code type} null means cpu from a server. */
    public WeeklySource open(String type, Limits limits) {
        if (url != null && profiles != null) {
            throw new BadInputException("--url", "give either --url or --profiles, not both");
        }
        if (url != null) {
            if (services.isEmpty()) {
                throw new BadInputException("--service", "name the services to report with --url");
            }
            return new PyroscopeWeeks(new PyroscopeClient(endpoint(), limits), type == null ? "cpu" : type, services);
        }
        return profiles != null ? new FolderWeeks(profiles, limits)
                : new BaselineWeeks(new BaselineStore(store, limits));
    }

    private Endpoint endpoint() {
        String token = System.getenv("PROFGATE_TOKEN") != null ? System.getenv("PROFGATE_TOKEN")
                : System.getenv("PYROSCOPE_TOKEN");
        return new Endpoint(URI.create(url), new Credentials(token, null, null), "", Duration.ofSeconds(10),
                Duration.ofSeconds(60), 2, Duration.ofMillis(500), Network.fromEnvironment());
    }
}
