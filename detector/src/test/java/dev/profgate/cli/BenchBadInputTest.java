package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.workload.JmhJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code profgate bench} ends in exit code 2 and one line on stderr naming the input, and no JVM of
 * the run survives: a jar that is no JMH jar, a {@code --jvm} that is no java, a benchmark that throws in its fork, a
 * fork that hangs past the timeout, usage errors; and Ctrl-C (SIGINT) on a running bench stops its forks.
 */
class BenchBadInputTest {
    private static final String FAULTY = "dev.profgate.testjmh.FaultyBenchmarks.";

    @TempDir
    Path dir;

    @Test
    void aJarThatIsNoJmhJar() throws IOException {
        Path app = dir.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "app.Main");
        new JarOutputStream(Files.newOutputStream(app), manifest).close();
        CliRun run = BenchRuns.bench("--base-jar", JmhJars.faulty().toString(), "--head-jar", app.toString());
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit());
        assertEquals(List.of("profgate: error: --head-jar " + app + ": not a JMH benchmarks jar (no "
                + "META-INF/BenchmarkList; build it with the JMH annotation processor and shade it with "
                + "org.openjdk.jmh.Main)"), run.errLines());
    }

    @Test
    void aBenchmarkThatThrowsInItsFork() throws IOException {
        Path forks = dir.resolve("forks");
        CliRun run = BenchRuns.bench("--base-jar", JmhJars.faulty().toString(), "--head-jar",
                JmhJars.faulty().toString(), "--bench", "FaultyBenchmarks.fails", "--forks-dir", forks.toString());
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit());
        List<String> errors = run.errLines().stream().filter(l -> l.startsWith("profgate: error")).toList();
        assertEquals(1, errors.size(), run.err());
        Path log = forks.resolve("logs/base/" + FAULTY + "fails/fork-01.log").toAbsolutePath();
        assertEquals("profgate: error: base fork 1 of " + FAULTY + "fails: benchmark failed: "
                + "java.lang.IllegalStateException: planted failure in FaultyBenchmarks.fails, exit code 1 (log: "
                + log + ")", errors.get(0));
        assertTrue(Files.readString(log).contains("planted failure"));
        assertEquals(List.of(), BenchRuns.processesUsing(forks));
    }

    @Test
    void aForkThatHangsIsStoppedAtTheTimeout() throws IOException {
        Path forks = dir.resolve("forks");
        CliRun run = BenchRuns.bench("--base-jar", JmhJars.faulty().toString(), "--head-jar",
                JmhJars.faulty().toString(), "--bench", "FaultyBenchmarks.hangs", "--timeout", "8s",
                "--forks-dir", forks.toString());
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit());
        List<String> errors = run.errLines().stream().filter(l -> l.startsWith("profgate: error")).toList();
        assertEquals(List.of("profgate: error: base fork 1 of " + FAULTY + "hangs: timed out, stopped with all its "
                + "processes (log: " + forks.resolve("logs/base/" + FAULTY + "hangs/fork-01.log")
                .toAbsolutePath() + ")"), errors);
        assertEquals(List.of(), BenchRuns.processesUsing(forks));
    }

    @Test
    void aMissingBaseline() throws IOException {
        Path store = Files.createDirectories(dir.resolve("store"));
        CliRun run = BenchRuns.bench("--base", "baseline:nightly", "--store", store.toString(), "--head-jar",
                JmhJars.faulty().toString());
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit());
        assertEquals(List.of("profgate: error: baseline:nightly: no such baseline in " + store + "; available: none"),
                run.errLines());
    }

    /** Checked before anything runs, before even the jars (which do not exist here). */
    @Test
    void aJvmThatIsNoJavaProgram() throws IOException {
        Path missing = dir.resolve("jdk-99/bin/java");
        Path notExecutable = Files.writeString(dir.resolve("java"), "#!/bin/sh\n");
        Path notJdk = Files.createDirectories(dir.resolve("jdk-home"));
        assertJvmRefused(missing + ": no such file", "bench", missing);
        assertJvmRefused(notExecutable + ": not an executable java program (" + notExecutable + ")", "bench",
                notExecutable);
        assertJvmRefused(notJdk + ": not a JDK home (no bin/java in it)", "bench", notJdk);
        assertJvmRefused(missing + ": no such file", "bisect", missing);
    }

    private static void assertJvmRefused(String message, String command, Path jvm) {
        List<String> args = new ArrayList<>(List.of(command, "--jvm", jvm.toString()));
        args.addAll(command.equals("bench") ? List.of("--base-jar", "base.jar", "--head-jar", "head.jar")
                : List.of("--good", "HEAD~1", "--bad", "HEAD", "--build", "true", "--jar", "benchmarks.jar"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit());
        assertEquals(List.of("profgate: error: --jvm " + message), run.errLines());
    }

    @Test
    void usageErrors() throws IOException {
        String jar = JmhJars.faulty().toString();
        assertUsage("--forks must be at least 2 (the scores are compared across forks)",
                "bench", "--base-jar", jar, "--head-jar", jar, "--forks", "1");
        assertUsage("give exactly one of --base-jar, --base-ref and --base",
                "bench", "--base-jar", jar, "--base-ref", "HEAD", "--head-jar", jar);
        assertUsage("--base-ref and --head-ref need --build and --jar",
                "bench", "--base-ref", "HEAD~1", "--head-ref", "HEAD");
        assertUsage("Invalid value for option '--timeout': '10 minutes' is not a duration (such as 500ms, 2s, 10m, 1h)",
                "bench", "--base-jar", jar, "--head-jar", jar, "--timeout", "10 minutes");
    }

    @Test
    void ctrlCStopsTheRunningForkAndLeavesNothingRunning() throws Exception {
        Path forks = dir.resolve("forks");
        // SIGINT's default action restored: a suite started as a background job inherits it ignored, and a JVM
        // started with SIGINT ignored keeps ignoring it (as Ctrl-C would be in that job)
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", Path.of(
                System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "bench"));
        command.addAll(BenchRuns.SMALL);
        command.addAll(List.of("--base-jar", JmhJars.faulty().toString(), "--head-jar", JmhJars.faulty().toString(),
                "--bench", "FaultyBenchmarks.hangs", "--forks-dir", forks.toString()));
        Process profgate = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("profgate.log").toFile()).start();
        try {
            awaitForkJvm(forks, profgate);
            Process interrupt = new ProcessBuilder("kill", "-INT", Long.toString(profgate.pid())).start();
            assertEquals(0, interrupt.waitFor());
            assertTrue(profgate.waitFor(30, TimeUnit.SECONDS), "profgate did not stop on SIGINT");
            assertEquals(130, profgate.exitValue(), Files.readString(dir.resolve("profgate.log")));
            assertEquals(List.of(), BenchRuns.processesUsing(forks));
        } finally {
            profgate.destroyForcibly();
        }
    }

    /** Waits until the benchmark JVM of the first fork runs (JMH's ForkedMain with the fork folder in its options). */
    private static void awaitForkJvm(Path forks, Process profgate) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (BenchRuns.processesUsing(forks).stream().noneMatch(c -> c.contains("ForkedMain"))) {
            assertTrue(profgate.isAlive(), "profgate ended before its fork started");
            assertTrue(System.nanoTime() < deadline, "no fork JVM started within 60 s");
            Thread.sleep(200);
        }
    }

    private static void assertUsage(String message, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit());
        assertEquals(List.of("profgate: usage: " + message + " (see profgate bench --help)"), run.errLines());
    }
}
