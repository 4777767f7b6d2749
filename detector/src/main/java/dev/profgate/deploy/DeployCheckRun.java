package dev.profgate.deploy;

import dev.profgate.base.Progress;
import dev.profgate.compare.ComparePipeline;
import dev.profgate.compare.CompareResult;
import dev.profgate.config.Settings;
import dev.profgate.model.Environment;
import dev.profgate.report.ReportData;
import dev.profgate.source.Side;
import dev.profgate.source.remote.LabelSelector;
import dev.profgate.source.remote.ProfileBackend;
import dev.profgate.source.remote.TimeRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The deploy-check flow without picocli: read the settings, resolve the profile type on the server, check both
 * selectors, fetch each side's window as replicates, then compare and report as {@code compare} does, with notes on
 * the windows and links to drill down. {@code settings} are those of {@code profgate.yml}, whose limits the backend
 * decodes within; {@code out} and {@code gate} may be null.
 */
public record DeployCheckRun(ProfileBackend backend, String profileType, WindowQuery base, WindowQuery head,
                             FetchPlan plan, DeployLinks links, Settings settings, Path out, String gate) {
    /** Both sides come from one server: their recording environments are not known, and not compared. */
    private static final Environment SERVER = new Environment(new Environment.Jvm(null, "unknown", "unknown"),
            new Environment.Machine("unknown", "unknown", 0), new TreeMap<>());

    /** Why the windows' CPU seconds per second are not the comparison's denominator (docs/statistics.md). */
    public static final String WINDOWS_NOTE = "The windows' CPU seconds per second were not used as the denominator: "
            + "the traffic of the two windows differs, so functions are tested relative to the code that did not "
            + "change alone.";

    /** Runs the check; throws {@link dev.profgate.base.BadInputException} for unusable inputs or an unusable server. */
    public ReportData execute() {
        return compare(Progress.NONE).report();
    }

    /** Runs the check, telling {@code progress} each window fetched, and keeps the head side (for attribution). */
    public CompareResult compare(Progress progress) {
        ComparePipeline pipeline = new ComparePipeline(null, out, gate, settings);
        TimeRange both = new TimeRange(Math.min(base.range().startMs(), head.range().startMs()),
                Math.max(base.range().endMs(), head.range().endMs()));
        String type = backend.profileType(profileType, both);
        backend.checkSelector(type, base.selector(), base.range());
        backend.checkSelector(type, head.selector(), head.range());
        WindowFetcher fetcher = new WindowFetcher(backend, type, plan, progress);
        FetchedSide baseSide = fetcher.fetch(base);
        FetchedSide headSide = fetcher.fetch(head);
        List<String> notes = new ArrayList<>(baseSide.notes());
        notes.addAll(headSide.notes());
        notes.add(WINDOWS_NOTE);
        return pipeline.compare(new Side(baseSide.replicates(), SERVER), new Side(headSide.replicates(), SERVER), notes,
                links.links(type, window(base), window(head)));
    }

    private static DeployLinks.Window window(WindowQuery query) {
        LabelSelector selector = query.selector();
        return new DeployLinks.Window(selector.text(), selector.equalTo("service_name"), query.range().startMs(),
                query.range().endMs());
    }
}
