package dev.profgate.bench.jmh;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The profiler attached to each JMH fork JVM (through {@code -jvmArgsAppend}, so the JMH host is not profiled). Both
 * write JFR files that profgate reads: JDK Flight Recorder with profgate's own settings (CPU samples every 2 ms,
 * sampled allocations, every contended monitor enter; no environment events), or async-profiler, bundled by the
 * {@code tools.profiler:async-profiler} jar, for CPU samples every 5 ms without safepoint bias and a lock sample every
 * 10 µs of contention, with JFR's allocation samples beside it (async-profiler's allocation sampling costs a few
 * percent of the benchmark however sparse, JFR's nothing measurable; a CPU sample costs the sampled thread tens of
 * µs, hence the 5 ms: BENCHMARKS.md). The two recordings of a fork are joined into one file
 * ({@link #assemble}): JFR files are sequences of self-contained chunks. Both with {@code -XX:+DebugNonSafepoints},
 * so a sample taken in compiled code is attributed to the inlined method that ran, not to the nearest safepoint's.
 * {@code NONE} measures scores only; {@link #preferred} is the default.
 */
public enum Profiler {
    JFR, ASYNC, NONE;

    static final String JFR_SETTINGS = "/profgate/bench.jfc";
    static final String ALLOCATION_SETTINGS = "/profgate/bench-allocations.jfc";
    static final String ASYNC_OPTIONS = "start,event=cpu,interval=5ms,lock=10us";
    /** Debug information at every instruction, not only at safepoints: samples land on the inlined frame that ran. */
    static final String DEBUG_NON_SAFEPOINTS = "-XX:+DebugNonSafepoints";
    static final String UNLOCK_DIAGNOSTIC = "-XX:+UnlockDiagnosticVMOptions";
    /** Keeps JFR's start-up message out of the fork's output. */
    static final String JFR_QUIET = "-Xlog:jfr+startup=error";

    /** The fork JVM options that record to {@code recording}; {@code work} receives the settings file or library. */
    List<String> jvmOptions(Path recording, Path work) {
        return switch (this) {
            case JFR -> List.of(UNLOCK_DIAGNOSTIC, DEBUG_NON_SAFEPOINTS,
                    flightRecording(recording, extract(JFR_SETTINGS, work.resolve("bench.jfc"))), JFR_QUIET);
            case ASYNC -> List.of(UNLOCK_DIAGNOSTIC, DEBUG_NON_SAFEPOINTS, "-agentpath:"
                    + extract(asyncLibrary(), work.resolve("libasyncProfiler.so")) + "=" + ASYNC_OPTIONS + ",file="
                    + part(recording, "cpu"), flightRecording(part(recording, "allocations"),
                    extract(ALLOCATION_SETTINGS, work.resolve("bench-allocations.jfc"))), JFR_QUIET);
            case NONE -> List.of();
        };
    }

    /**
     * Joins what the fork recorded into {@code recording}, after the fork has ended: async-profiler's recording
     * followed by JFR's (both parts deleted); nothing is written when a part is missing, so the fork is reported as
     * having written no recording. Nothing to do for the other profilers, which write {@code recording} directly.
     */
    void assemble(Path recording) {
        if (this != ASYNC) {
            return;
        }
        Path cpu = part(recording, "cpu");
        Path allocations = part(recording, "allocations");
        if (!Files.isRegularFile(cpu) || !Files.isRegularFile(allocations)) {
            return;
        }
        try {
            try (OutputStream out = Files.newOutputStream(recording)) {
                Files.copy(cpu, out);
                Files.copy(allocations, out);
            }
            Files.delete(cpu);
            Files.delete(allocations);
        } catch (IOException e) {
            throw new BadInputException(recording.toString(), "cannot write: " + e.getMessage(), e);
        }
    }

    private static String flightRecording(Path recording, Path settings) {
        return "-XX:StartFlightRecording=filename=" + recording + ",settings=" + settings;
    }

    /** The file beside {@code recording} that one profiler of the fork writes, e.g. {@code fork-01.cpu.jfr}. */
    private static Path part(Path recording, String what) {
        String name = recording.getFileName().toString();
        return recording.resolveSibling(name.substring(0, name.length() - ".jfr".length()) + "." + what + ".jfr");
    }

    /** The lower-case name used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The default: async-profiler where its bundled library runs (Linux x64 and arm64), else JFR. JFR's sampler in
     * JDK 17 drops most samples of steady-state compiled code (BENCHMARKS.md), so its profiles of the measurement
     * iterations, the part bench compares, are nearly empty; async-profiler samples the whole fork at its interval.
     */
    public static Profiler preferred() {
        return platformLibrary() != null ? ASYNC : JFR;
    }

    private static String asyncLibrary() {
        String library = platformLibrary();
        if (library == null) {
            throw new BadInputException("--profiler async", "the bundled async-profiler runs on Linux x64 and arm64 "
                    + "only, not on " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
        return library;
    }

    /** The class-path resource of the bundled async-profiler library for this platform, null where none runs. */
    public static String platformLibrary() {
        String arch = System.getProperty("os.arch");
        boolean linux = System.getProperty("os.name").equals("Linux");
        if (linux && List.of("amd64", "x86_64").contains(arch)) {
            return "/linux-x64/libasyncProfiler.so";
        }
        if (linux && List.of("aarch64", "arm64").contains(arch)) {
            return "/linux-arm64/libasyncProfiler.so";
        }
        return null;
    }

    /** Copies the class-path resource {@code resource} to {@code target} once and returns the target. */
    private static Path extract(String resource, Path target) {
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream in = Profiler.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from profgate's class path");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new BadInputException(target.toString(), "cannot write: " + e.getMessage(), e);
        }
    }
}
