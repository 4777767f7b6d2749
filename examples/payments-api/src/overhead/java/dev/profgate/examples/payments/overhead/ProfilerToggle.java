package dev.profgate.examples.payments.overhead;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import one.profiler.AsyncProfiler;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that measures another profiler's overhead inside one fork: it attaches the profiler for one
 * iteration of each pair (warmup and measurement alike; which one of the two is drawn at random, so nothing that
 * recurs every other iteration, such as a collection every two seconds, can pass for the profiler's cost) and reports
 * per iteration whether it was attached ({@value #METRIC}, 1 or 0), so the iterations with and without it can be
 * compared within the fork, where the JIT's code, the heap and the machine's state are the same for both. Which
 * profiler, from {@code -Dtoggle.profiler}: {@code jfr:SETTINGS.jfc} or {@code async:LIBRARY:OPTIONS}
 * (async-profiler's start options, e.g. {@code event=cpu,interval=2ms}), both joined by {@code +} (attached
 * together, as profgate bench attaches async-profiler with JFR's allocation sampling), or {@code none} (nothing
 * attached: the control, which shows what the alternation alone measures; also when unset, as in JMH's host JVM,
 * which loads the class too); the recordings go to {@code -Dtoggle.dir}.
 */
public final class ProfilerToggle implements InternalProfiler {
    /** The secondary metric: 1 for an iteration run with the profiler attached, 0 without. */
    public static final String METRIC = "toggle.profiled";

    private final List<String> profilers = profilers(System.getProperty("toggle.profiler", ""));
    private final Path dir = Path.of(System.getProperty("toggle.dir", System.getProperty("java.io.tmpdir")));
    private final Random coin = new Random();
    private int iteration;
    private boolean on;
    private Recording recording;

    @Override
    public String getDescription() {
        return "attaches a profiler for one iteration of each pair, drawn at random (overhead measurement)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        on = iteration % 2 == 0 ? coin.nextBoolean() : !on;
        if (on) {
            profilers.forEach(this::start);
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        if (on) {
            profilers.forEach(this::stop);
        }
        iteration++;
        return List.of(new ScalarResult(METRIC, on ? 1 : 0, "", AggregationPolicy.AVG));
    }

    private static List<String> profilers(String spec) {
        List<String> profilers = spec.isEmpty() || spec.equals("none") ? List.of() : List.of(spec.split("\\+"));
        for (String profiler : profilers) {
            if (!profiler.startsWith("jfr:") && !profiler.startsWith("async:")) {
                throw new IllegalArgumentException("-Dtoggle.profiler must be jfr:SETTINGS, async:LIBRARY:OPTIONS, "
                        + "both joined by +, or none; not " + spec);
            }
        }
        return profilers;
    }

    private void start(String profiler) {
        try {
            if (profiler.startsWith("jfr:")) {
                recording = new Recording(Configuration.create(Path.of(profiler.substring(4))));
                recording.setDestination(dir.resolve("toggle-" + iteration + ".jfr"));
                recording.start();
            } else {
                String[] parts = profiler.split(":", 3);
                AsyncProfiler.getInstance(parts[1]).execute("start," + parts[2] + ",file="
                        + dir.resolve("toggle-" + iteration + ".async.jfr"));
            }
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stop(String profiler) {
        try {
            if (profiler.startsWith("jfr:")) {
                recording.stop();
                recording.close();
                recording = null;
            } else {
                AsyncProfiler.getInstance(profiler.split(":", 3)[1]).execute("stop");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
