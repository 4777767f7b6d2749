package dev.profgate.cli;

import static dev.profgate.cli.BenchRuns.calledThrough;
import static dev.profgate.cli.BenchRuns.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profgate.workload.JmhJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profgate bench --base-ref --head-ref --build --jar} on a git repository of two commits: the base commit
 * builds the payments-api benchmarks as they are, the head commit as the version compiling its card regex on every
 * call (the build copies the jar of the variant the commit names). The regression fails the gate with
 * {@code Pattern.compile} under {@code CardValidator.isValid}; every worktree is gone afterwards, also after a
 * failed build.
 */
class BenchRevisionTest {
    private static final String BUILD = "mkdir -p target && cp \"$JARS/benchmarks-$(cat variant.txt).jar\" target/bench.jar";

    @TempDir
    Path dir;
    Path repo;

    @BeforeEach
    void commits() throws Exception {
        JmhJars.paymentsApi("base");
        JmhJars.paymentsApi("regex-per-call");
        repo = Files.createDirectories(dir.resolve("repo"));
        git("init", "-q");
        Files.writeString(repo.resolve("variant.txt"), "base\n");
        git("add", "variant.txt");
        git("commit", "-q", "-m", "base");
        Files.writeString(repo.resolve("variant.txt"), "regex-per-call\n");
        git("commit", "-q", "-a", "-m", "validate with a regex compiled per call");
    }

    @Test
    void theRegexCompiledPerCallFailsWithPatternCompileUnderTheValidator() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = bench("HEAD~1", "HEAD", build(), "--bench", "PaymentBenchmarks.handle$", "--out", out.toString(),
                "--forks-dir", dir.resolve("forks").toString());
        assertEquals(BaseCommand.EXIT_REGRESSION, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("FAIL"), run.out());
        JsonNode report = BenchRuns.report(out);
        assertEquals("fail", report.get("verdict").asText());
        List<JsonNode> cpu = findings(report, "time");
        JsonNode regex = cpu.stream().limit(3).filter(f -> calledThrough(f,
                "dev.profgate.examples.payments.CardValidator.isValid", "java.util.regex.Pattern.compile"))
                .findFirst().orElseThrow(() -> new AssertionError(cpu.toString()));
        assertTrue(regex.at("/perOp/head").asDouble() > regex.at("/perOp/base").asDouble(), regex.toString());
        assertTrue(BenchRuns.explainedBy(cpu, "java-regex-compile-per-call"), cpu.toString());
        JsonNode benchmark = report.get("benchmarks").get(0);
        BenchCommandTest.assertChangeWithInterval(benchmark);
        assertTrue(run.out().contains("PaymentBenchmarks.handle"), run.out());
        BenchCommandTest.assertNoWorktreesLeft(repo);
        assertEquals(List.of(), BenchRuns.processesUsing(dir));
    }

    @Test
    void aFailingBuildIsOneLineAndLeavesNoWorktree() throws Exception {
        CliRun run = bench("HEAD~1", "HEAD", "echo compiling; echo 'error: cannot find symbol' >&2; exit 3",
                "--forks-dir", dir.resolve("forks").toString());
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("profgate: error: --base-ref HEAD~1: build failed: error: cannot find symbol, "
                + "exit code 3 (log: "), run.err());
        BenchCommandTest.assertNoWorktreesLeft(repo);
        assertTrue(Files.notExists(dir.resolve("forks/worktree-base")));
    }

    @Test
    void eachRevisionBuiltIsOneLineOnStandardError() throws Exception {
        CliRun run = bench("HEAD~1", "HEAD", build(), "--bench", "NoSuchBenchmark$");
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit(), run.err());
        List<String> lines = run.errLines();
        assertEquals(3, lines.size(), run.err());
        assertTrue(lines.get(0).matches("profgate: built --base-ref HEAD~1 \\([0-9a-f]{12}\\) in \\d+\\.\\ds"),
                lines.get(0));
        assertTrue(lines.get(1).matches("profgate: built --head-ref HEAD \\([0-9a-f]{12}\\) in \\d+\\.\\ds"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("profgate: error: --bench NoSuchBenchmark$: matches no benchmark"),
                lines.get(2));
        assertEquals("", run.out());
    }

    @Test
    void anUnknownRevisionIsOneLine() throws Exception {
        CliRun run = bench("no-such-branch", "HEAD", build());
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit());
        assertEquals(List.of("profgate: error: --base-ref no-such-branch: cannot resolve the revision in "
                + repo.toAbsolutePath()), run.errLines());
        BenchCommandTest.assertNoWorktreesLeft(repo);
    }

    @Test
    void aBuildThatMakesNoJarIsOneLine() throws Exception {
        CliRun run = bench("HEAD~1", "HEAD", "true");
        assertEquals(BaseCommand.EXIT_BAD_INPUT, run.exit());
        assertEquals(List.of("profgate: error: --jar target/bench.jar: the build of HEAD~1 made no such file"),
                run.errLines());
    }

    private String build() {
        return "JARS='" + JmhJars.repo().resolve("detector/target/jmh-jars") + "'; " + BUILD;
    }

    private CliRun bench(String baseRef, String headRef, String build, String... more) {
        List<String> args = new ArrayList<>(List.of("--base-ref", baseRef, "--head-ref", headRef,
                "--build", build, "--jar", "target/bench.jar", "--repo", repo.toString()));
        args.addAll(List.of(more));
        return BenchRuns.bench(args.toArray(String[]::new));
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=test",
                "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes());
        assertEquals(0, git.waitFor(), output);
    }
}
