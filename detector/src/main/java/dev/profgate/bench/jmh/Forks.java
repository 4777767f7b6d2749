package dev.profgate.bench.jmh;

import dev.profgate.base.BadInputException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one fork: its own JMH process ({@code java -cp JAR:HELPER MAIN CASE -f 1 ... -rf json}, the java of the
 * options' {@link BenchJvm}, which JMH's benchmark JVM inherits) with the profiler attached to the forked benchmark
 * JVM, {@code -foe true} so a benchmark that throws fails the process, {@code -prof gc} for the allocated bytes per
 * operation and {@link CpuTimeProfiler} (from the {@link HelperJar}, which JMH's fork inherits on its class path) for
 * the CPU time per operation. Files of fork {@code k} of a case on a side: {@code WORK/SIDE/CASE/fork-0k.json} (JMH
 * result) and {@code .jfr} (profile), so that the folder can be saved as a baseline as it is, and the JMH output in
 * {@code WORK/logs/SIDE/CASE/fork-0k.log}.
 */
public final class Forks {
    private final JmhOptions options;
    private final Profiler profiler;
    private final Path work;
    private final Duration timeout;

    public Forks(JmhOptions options, Profiler profiler, Path work, Duration timeout) {
        this.options = options;
        this.profiler = profiler;
        this.work = work;
        this.timeout = timeout;
        requireNoWhitespace(work);
    }

    /** The files of one finished fork; {@code profile} is null when no profiler ran. */
    public record ForkFiles(Path result, Path profile) {
    }

    /** Runs fork {@code fork} (1-based) of {@code benchmark} from {@code jar} for side {@code side}. */
    public ForkFiles run(String side, JmhJar jar, BenchmarkCase benchmark, int fork) {
        Path dir = work.resolve(side).resolve(benchmark.folderName());
        String stem = String.format(Locale.ROOT, "fork-%02d", fork);
        Path result = dir.resolve(stem + ".json");
        Path profile = profiler == Profiler.NONE ? null : dir.resolve(stem + ".jfr");
        Path logs = work.resolve("logs").resolve(side).resolve(benchmark.folderName());
        Path log = logs.resolve(stem + ".log");
        createDirectories(dir);
        createDirectories(logs);
        List<String> command = new ArrayList<>(options.jvm().command(work));
        command.addAll(List.of("-cp", jar.jar() + File.pathSeparator + HelperJar.in(work), jar.mainClass()));
        command.addAll(benchmark.selector());
        command.addAll(options.arguments());
        command.addAll(List.of("-foe", "true", "-prof", "gc", "-prof", HelperJar.CPU_PROFILER, "-rf", "json", "-rff",
                result.toString()));
        List<String> jvmArgs = new ArrayList<>(options.jvmArgs());
        if (profile != null) {
            jvmArgs.addAll(profiler.jvmOptions(profile, work));
        }
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of("-jvmArgsAppend", String.join(" ", jvmArgs)));
        }
        String what = side + " fork " + fork + " of " + benchmark.id();
        TimedProcess.Outcome outcome = TimedProcess.run(command, work, log, timeout, what);
        if (!outcome.succeeded()) {
            throw new BadInputException(what, failure(outcome, readLog(log)) + " (log: " + log + ")");
        }
        requireFile(result, what, "JMH wrote no result file");
        if (profile != null) {
            profiler.assemble(profile);
            requireFile(profile, what, "the profiler wrote no recording");
        }
        return new ForkFiles(result, profile);
    }

    static List<String> readLog(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Why a run failed, in one line: the timeout, else the exception JMH printed after {@code <failure>}, else the
     * first error line of the JVM or JMH (with the cause the JVM indents below it, such as a main class's
     * {@code UnsupportedClassVersionError}), else the last line of output; with the exit code. Classes compiled for
     * a newer Java than the one that ran them get the advice to give that Java with {@code --jvm}.
     */
    static String failure(TimedProcess.Outcome outcome, List<String> lines) {
        if (outcome.timedOut()) {
            return "timed out, stopped with all its processes";
        }
        String reason = exceptionAfterFailure(lines);
        for (int i = 0; i < lines.size() && reason == null; i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("Error:") || line.startsWith("ERROR:") || line.startsWith("Exception in thread")) {
                reason = line + causeBelow(lines, i + 1);
            }
        }
        for (int i = lines.size() - 1; i >= 0 && reason == null; i--) {
            reason = lines.get(i).isBlank() ? null : lines.get(i).strip();
        }
        if (reason != null && reason.contains(UnsupportedClassVersionError.class.getName())) {
            reason += "; run it on a newer Java with --jvm";
        }
        return (reason == null ? "no output" : reason) + ", exit code " + outcome.exitCode();
    }

    /** The cause the JVM prints indented on line {@code next}, below its error line, as {@code ": CAUSE"}; else "". */
    private static String causeBelow(List<String> lines, int next) {
        String line = next < lines.size() ? lines.get(next) : "";
        boolean cause = !line.isBlank() && Character.isWhitespace(line.charAt(0)) && !line.strip().startsWith("at ");
        return cause ? ": " + line.strip() : "";
    }

    private static String exceptionAfterFailure(List<String> lines) {
        boolean failed = false;
        for (String line : lines) {
            if (line.contains("<failure>")) {
                failed = true;
            } else if (failed && !line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                return "benchmark failed: " + line.strip();
            }
        }
        return null;
    }

    private static void requireFile(Path file, String what, String problem) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                throw new BadInputException(what, problem + " (" + file + ")");
            }
        } catch (IOException e) {
            throw new BadInputException(what, problem + " (" + e.getMessage() + ")");
        }
    }

    private static void requireNoWhitespace(Path work) {
        if (work.toString().chars().anyMatch(Character::isWhitespace)) {
            throw new BadInputException(work.toString(), "the fork folder must not contain spaces (JMH splits "
                    + "-jvmArgsAppend at whitespace)");
        }
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(dir.toString(), "cannot create the folder: " + e.getMessage(), e);
        }
    }
}
