package dev.profgate.bench.jmh;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * A JMH benchmarks jar: a jar with a main class (its manifest's {@code Main-Class}) and JMH's generated benchmark
 * list ({@code META-INF/BenchmarkList}, written by the annotation processor). {@link #cases} asks the jar itself ({@code -lp}) which benchmarks and
 * parameter values a selector matches.
 */
public record JmhJar(Path jar, String name, String mainClass) {
    static final String BENCHMARK_LIST = "META-INF/BenchmarkList";
    private static final Duration LIST_LIMIT = Duration.ofMinutes(2);
    private static final Pattern PARAM = Pattern.compile("\\s+param \"(.+)\" = \\{(.*)}");

    /** Checks that {@code jar} is a JMH benchmarks jar; {@code name} (such as {@code --base-jar}) names it in errors. */
    public static JmhJar open(Path jar, String name) {
        String what = name + " " + jar;
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException(what, Files.exists(jar) ? "not a file" : "no such file");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String mainClass = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            if (mainClass == null) {
                throw new BadInputException(what, "not a JMH benchmarks jar (no Main-Class in its manifest)");
            }
            if (file.getEntry(BENCHMARK_LIST) == null) {
                throw new BadInputException(what, "not a JMH benchmarks jar (no " + BENCHMARK_LIST
                        + "; build it with the JMH annotation processor and shade it with org.openjdk.jmh.Main)");
            }
            return new JmhJar(jar.toAbsolutePath().normalize(), what, mainClass.strip());
        } catch (ZipException e) {
            throw new BadInputException(what, "not a jar file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException(what, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The benchmark cases {@code regex} selects, one per combination of parameter values, as the jar lists them run
     * by {@code jvm}; {@code work} holds the log.
     */
    public List<BenchmarkCase> cases(String regex, BenchJvm jvm, Path work) {
        Path log = work.resolve("list-" + Integer.toHexString(jar.hashCode()) + ".log");
        List<String> command = new ArrayList<>(jvm.command(work));
        command.addAll(List.of("-jar", jar.toString(), "-lp", regex));
        TimedProcess.Outcome outcome = TimedProcess.run(command, work, log, LIST_LIMIT, name);
        List<String> lines = Forks.readLog(log);
        if (!outcome.succeeded() || !lines.contains("Benchmarks: ") && !lines.contains("Benchmarks:")) {
            throw new BadInputException(name, "cannot list its benchmarks (" + Forks.failure(outcome, lines) + ")");
        }
        return parse(lines);
    }

    /** The cases of {@code -lp} output: a benchmark per unindented line after the header, its parameters below it. */
    static List<BenchmarkCase> parse(List<String> lines) {
        List<BenchmarkCase> cases = new ArrayList<>();
        String benchmark = null;
        Map<String, List<String>> params = new LinkedHashMap<>();
        boolean listing = false;
        for (String line : lines) {
            Matcher param = PARAM.matcher(line);
            if (!listing) {
                listing = line.strip().equals("Benchmarks:");
            } else if (param.matches() && benchmark != null) {
                params.put(param.group(1), List.of(param.group(2).split(", ", -1)));
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                addCombinations(cases, benchmark, params);
                benchmark = line.strip();
                params = new LinkedHashMap<>();
            }
        }
        addCombinations(cases, benchmark, params);
        return cases;
    }

    /** One case per element of the cartesian product of the parameter values (iterative, first parameter slowest). */
    private static void addCombinations(List<BenchmarkCase> cases, String benchmark, Map<String, List<String>> params) {
        if (benchmark == null) {
            return;
        }
        List<Map<String, String>> combinations = new ArrayList<>(List.of(new LinkedHashMap<>()));
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : param.getValue()) {
                    Map<String, String> next = new LinkedHashMap<>(combination);
                    next.put(param.getKey(), value);
                    extended.add(next);
                }
            }
            combinations = extended;
        }
        combinations.forEach(combination -> cases.add(new BenchmarkCase(benchmark, combination)));
    }
}
