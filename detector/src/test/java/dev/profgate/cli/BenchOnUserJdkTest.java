package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.workload.JmhJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profgate bench --jvm} on a real newer JDK, this machine's Temurin 25 (skipped where it is absent): a jar
 * compiled for Java 21, which profgate's own Java 17 cannot list, is listed and benchmarked with the profiler on the
 * JDK given, and the report names the JVM the forks ran on.
 */
class BenchOnUserJdkTest {
    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final String BENCHMARK = "dev.profgate.testjmh21.SequencedBenchmarks.firstPlusLast";

    @TempDir
    Path dir;

    @Test
    void aJarForJava21RunsOnTheJdkGivenAndTheReportNamesItsJvm() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(TEMURIN_25.resolve("bin/java")), "needs Temurin 25 at " + TEMURIN_25);
        Assumptions.assumeTrue(Runtime.version().feature() < 21, "shows a JDK newer than the one running profgate");
        String jar = JmhJars.java21(TEMURIN_25).toString();

        CliRun onOwnJava = bench(jar);
        assertEquals(BaseCommand.EXIT_BAD_INPUT, onOwnJava.exit(), onOwnJava.out() + onOwnJava.err());
        assertEquals(List.of("profgate: error: --base-jar " + jar + ": cannot list its benchmarks (Error: "
                + "LinkageError occurred while loading main class dev.profgate.testjmh21.Main: java.lang."
                + "UnsupportedClassVersionError: dev/profgate/testjmh21/Main has been compiled by a more recent "
                + "version of the Java Runtime (class file version 65.0), this version of the Java Runtime only "
                + "recognizes class file versions up to 61.0; run it on a newer Java with --jvm, exit code 1)"),
                onOwnJava.errLines());

        Path out = dir.resolve("out");
        Path forks = dir.resolve("forks");
        CliRun onTemurin = bench(jar, "--jvm", TEMURIN_25.toString(), "--out", out.toString(), "--forks-dir",
                forks.toString());
        assertEquals(BaseCommand.EXIT_PASS, onTemurin.exit(), onTemurin.out() + onTemurin.err());
        JsonNode report = BenchRuns.report(out);
        assertEquals(BENCHMARK, report.at("/benchmarks/0/benchmark").asText(), report.toString());
        String settings = report.at("/run/settings").asText();
        assertTrue(settings.startsWith("2 forks a side interleaved on OpenJDK 64-Bit Server VM 25"), settings);
        for (Path result : forkResults(forks)) {
            JsonNode fork = new ObjectMapper().readTree(result.toFile()).get(0);
            assertTrue(fork.get("jdkVersion").asText().startsWith("25"), fork.toString());
            assertTrue(Files.size(result.resolveSibling(result.getFileName().toString().replace(".json", ".jfr")))
                    > 0, "the profiler recorded the fork on Java 25");
        }
        assertEquals(List.of(), BenchRuns.processesUsing(forks));
    }

    private static CliRun bench(String jar, String... more) {
        List<String> args = new ArrayList<>(List.of("bench", "--forks", "2", "--warmup-iterations", "1",
                "--warmup-time", "200ms", "--iterations", "1", "--time", "200ms", "--base-jar", jar, "--head-jar",
                jar));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The JMH result files of every fork in {@code forks}, both sides. */
    private static List<Path> forkResults(Path forks) throws IOException {
        try (Stream<Path> files = Files.walk(forks)) {
            List<Path> results = files.filter(f -> f.getFileName().toString().matches("fork-\\d+\\.json")).toList();
            assertEquals(4, results.size(), results.toString());
            return results;
        }
    }
}
