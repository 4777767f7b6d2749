package dev.profgate.watch;

import dev.profgate.base.BadInputException;
import dev.profgate.base.DurationText;
import dev.profgate.base.Limits;
import dev.profgate.base.Progress;
import dev.profgate.base.Workers;
import dev.profgate.config.DeploySettings;
import dev.profgate.config.Settings;
import dev.profgate.deploy.DeployLinks;
import dev.profgate.deploy.RemoteServer;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.LabelSelector;
import dev.profgate.source.remote.ProfileBackend;
import dev.profgate.source.remote.SampleCount;
import dev.profgate.source.remote.TimeRange;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A watch run's profiles from Pyroscope or Parca: one merged query per step of the profiles of {@code profileType}
 * matching {@code selector} (in pieces of at most {@code maxQueryMs}), at most {@code concurrency} at once and
 * {@code rate} a second (0: no limit; each request retried as the backend's endpoint says). With a {@code cache} root, every complete window (ended
 * {@link #SETTLED} before {@code now}) is stored in the {@link WindowCache} of the query (server, {@code tenant},
 * selector, type, step) and never fetched again, until it ended more than {@code keep} before {@code now} and before
 * the range read, when the run deletes it; {@code cache} may be null. The other windows go to the run's scratch
 * folder; every window is read from its file when the service is analysed. One service: the selector's
 * {@code service_name}, else the selector.
 */
public record ServerSource(ProfileBackend backend, String tenant, String profileType, LabelSelector selector,
                           long maxQueryMs, Path cache, Duration keep, int concurrency, double rate, Instant now,
                           DeployLinks links)
        implements WatchSource {
    /** How long after its end a window is complete: the server has ingested what agents sent during it. */
    public static final Duration SETTLED = Duration.ofMinutes(2);

    public ServerSource {
        if (concurrency < 1) {
            throw new BadInputException("--concurrency", "must be at least 1, not " + concurrency);
        }
        if (!(rate >= 0)) {
            throw new BadInputException("--rate", "must be 0 (no limit) or more windows a second, not " + rate);
        }
    }

    /**
     * The source of {@code server}'s settings (flags over profgate.yml's deploy section), its selector required,
     * decoding within {@code settings}' limits; {@code cache} may be null.
     */
    public static ServerSource open(RemoteServer server, Settings settings, Path cache, Duration keep,
                                    int concurrency, double rate, Instant now) {
        DeploySettings s = server.resolve(settings);
        if (s.selector() == null) {
            throw new BadInputException("--selector", "give the label selector of the profiles to watch, e.g. "
                    + "'{service_name=\"payments-api\"}' (or deploy.selector in profgate.yml)");
        }
        return new ServerSource(server.open(s, settings.limits()), s.tenant(), s.profileType(),
                LabelSelector.parse(s.selector(), "--selector"), s.maxQueryLength().toMillis(), cache, keep,
                concurrency, rate, now, DeployLinks.of(s));
    }

    @Override
    public List<ServiceSteps> read(StepGrid grid, Limits limits, Progress progress, Path scratch) {
        List<TimeRange> ranges = grid.ranges();
        String type = backend.profileType(profileType, grid.all());
        backend.checkSelector(type, selector, grid.all());
        String query = String.join("\n", backend.server(), tenant, selector.text(), type,
                DurationText.format(grid.step()));
        WindowCache kept = cache == null ? null : WindowCache.under(cache, query);
        WindowCache fetched = WindowCache.under(scratch, query);
        List<Integer> missing = IntStream.range(0, ranges.size())
                .filter(s -> kept == null || !kept.has(ranges.get(s))).boxed().toList();
        if (kept != null) {
            Instant old = now.minus(keep);
            Instant before = old.isBefore(grid.from()) ? old : grid.from();
            int pruned = kept.prune(before);
            progress.done((ranges.size() - missing.size()) + " of " + ranges.size() + " windows from the cache "
                    + kept.folder() + (pruned > 0 ? "; " + pruned + " window(s) that ended by " + before
                    + " deleted" : ""));
        }
        AtomicInteger done = new AtomicInteger();
        long settled = now.minus(SETTLED).toEpochMilli();
        Pacer pacer = new Pacer(rate);
        Workers.forEach(missing, concurrency, s -> {
            TimeRange range = ranges.get(s);
            pacer.await();
            Profile profile = backend.fetch(type, selector, range, service() + " " + range, maxQueryMs);
            (kept != null && range.endMs() <= settled ? kept : fetched).write(range, profile);
            progress.done("fetched window " + done.incrementAndGet() + "/" + missing.size() + " (" + range + ", "
                    + SampleCount.of(profile) + " samples)");
        });
        List<List<Path>> files = new ArrayList<>();
        for (TimeRange range : ranges) {
            Path file = (kept != null && kept.has(range) ? kept : fetched).samples(range);
            files.add(file == null ? List.of() : List.of(file));
        }
        return List.of(new ServiceSteps(service(), files));
    }

    /**
     * The deploys the server's label {@code label} shows over {@code grid} ({@link Deploys#fromVersions}), from one
     * series query a point a step.
     */
    public Deploys deploys(String label, StepGrid grid) {
        String type = backend.profileType(profileType, grid.all());
        return Deploys.fromVersions(backend.seriesBy(type, selector, label, grid.all(), grid.step().toSeconds()));
    }

    /** Each point with links to its windows before and after in the server's UI (and Grafana, traces, as set). */
    @Override
    public List<ChangePoint> linked(StepGrid grid, List<ChangePoint> points) {
        if (points.isEmpty()) {
            return points;
        }
        String type = backend.profileType(profileType, grid.all());
        return points.stream().map(p -> p.withLinks(links.links(type, window(grid, p.series().before()),
                window(grid, p.series().after())))).toList();
    }

    private DeployLinks.Window window(StepGrid grid, Level level) {
        return new DeployLinks.Window(selector.text(), selector.equalTo("service_name"),
                grid.start(level.from()).toEpochMilli(), grid.start(level.to()).toEpochMilli());
    }

    @Override
    public String describe() {
        return backend.server() + " " + profileType + selector;
    }

    private String service() {
        String service = selector.equalTo("service_name");
        return service != null ? service : selector.text();
    }
}
