package dev.profgate.workload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;

/**
 * Child-JVM program that records base and bad versions of one anti-pattern workload under JDK Flight Recorder,
 * started programmatically, one recording per replicate.
 *
 * <p>Usage: {@code AntiPatternWorkloads FAMILY OUT_DIR REPLICATES MILLIS} with FAMILY one of {@code regex},
 * {@code formatter}, {@code lock}, {@code exceptions}. After a short warm-up of both versions it runs REPLICATES
 * rounds; each round records the base version ({@code base-N.jfr}), the bad version ({@code bad-N.jfr}) and the
 * base version again ({@code again-N.jfr}, for the unchanged pair), MILLIS each, interleaved so that drift affects
 * all three alike. Recorded: CPU samples every millisecond, every TLAB refill and allocation outside a TLAB (the
 * throttled allocation sampler records too few events in a second), and every contended monitor enter.
 */
public final class AntiPatternWorkloads {
    /** One workload in two versions: the base version and the version with the anti-pattern. */
    interface Workload {
        void run(boolean bad, long deadlineNanos) throws InterruptedException;
    }

    private static final Map<String, Workload> FAMILIES = Map.of(
            "regex", CardValidation::run,
            "formatter", Timestamps::run,
            "lock", Ledger::run,
            "exceptions", QuantityParser::run);
    private static final long WARM_UP_MILLIS = 400;

    private AntiPatternWorkloads() {
    }

    public static void main(String[] args) throws Exception {
        Workload workload = FAMILIES.get(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int replicates = Integer.parseInt(args[2]);
        long millis = Long.parseLong(args[3]);
        workload.run(false, deadline(WARM_UP_MILLIS));
        workload.run(true, deadline(WARM_UP_MILLIS));
        for (int r = 1; r <= replicates; r++) {
            record(workload, false, millis, out.resolve("base-" + r + ".jfr"));
            record(workload, true, millis, out.resolve("bad-" + r + ".jfr"));
            record(workload, false, millis, out.resolve("again-" + r + ".jfr"));
        }
    }

    private static void record(Workload workload, boolean bad, long millis, Path file) throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.enable("jdk.ObjectAllocationInNewTLAB");
            recording.enable("jdk.ObjectAllocationOutsideTLAB");
            recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ZERO);
            recording.start();
            workload.run(bad, deadline(millis));
            recording.stop();
            recording.dump(file);
        }
    }

    private static long deadline(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
