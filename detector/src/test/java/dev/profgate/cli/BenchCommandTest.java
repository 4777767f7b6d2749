package dev.profgate.cli;

import static dev.profgate.cli.BenchRuns.calledThrough;
import static dev.profgate.cli.BenchRuns.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.analysis.Verdict;
import dev.profgate.publish.ReportFolder;
import dev.profgate.workload.JmhJars;
import dev.profgate.workload.WorkloadRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profgate bench} end to end on the payments-api example's JMH benchmarks, one jar per version, small
 * settings: each regression is caught with its culprit, the benchmark change is reported with its interval, and no
 * process of the run survives it.
 */
class BenchCommandTest {
    private static final String PAYMENTS = "dev.profgate.examples.payments.";

    @TempDir
    Path dir;

    @Test
    void theFormatterBuiltPerCallFailsAndNamesDateTimeFormatterOfPatternUnderTheRenderer() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = BenchRuns.bench("--base-jar", JmhJars.paymentsApi("base").toString(), "--head-jar",
                JmhJars.paymentsApi("formatter-per-call").toString(), "--bench", "PaymentBenchmarks.handle$",
                "--out", out.toString(), "--forks-dir", dir.resolve("forks").toString());
        assertEquals(BaseCommand.EXIT_REGRESSION, run.exit(), run.out() + run.err());
        JsonNode report = BenchRuns.report(out);
        assertEquals("fail", report.get("verdict").asText());
        if (WorkloadRecorder.asyncProfilerSupported()) {
            assertTrue(report.at("/run/settings").asText().endsWith("profiler async"), "the default where it runs");
        }
        List<JsonNode> cpu = findings(report, "time");
        assertTrue(cpu.stream().limit(3).anyMatch(f -> calledThrough(f, PAYMENTS + "ResponseRenderer.render",
                "java.time.format.DateTimeFormatter.ofPattern")), cpu.toString());
        assertTrue(BenchRuns.explainedBy(cpu, "java-date-formatter-per-call"), cpu.toString());
        assertChangeWithInterval(report.get("benchmarks").get(0));
        assertEquals(List.of(), BenchRuns.processesUsing(dir));
        theReportFolderIsWhatGitHubPublishingReads(out);
        theBaseForksSavedAsABaselineGiveTheSameVerdictUntilTampered();
    }

    /** {@code bench --github} publishes the folder of {@code --out}: the publisher reads it like a compare report. */
    private void theReportFolderIsWhatGitHubPublishingReads(Path out) {
        ReportFolder folder = ReportFolder.read(out);
        assertEquals("<!-- profgate:gate=bench -->", folder.marker());
        assertEquals(Verdict.FAIL, folder.verdict());
        assertTrue(folder.findings().stream().anyMatch(f -> f.benchmark().endsWith("PaymentBenchmarks.handle")),
                folder.findings().toString());
        CliRun withoutFolder = CliRun.of("bench", "--base", "baseline:none", "--head", out.toString(), "--github");
        assertEquals(BaseCommand.EXIT_BAD_INPUT, withoutFolder.exit());
        assertTrue(withoutFolder.err().contains("--github publishes the report folder: give --out DIR"),
                withoutFolder.err());
    }

    /** The base forks of the run saved as a baseline, compared with the head forks again, then tampered with. */
    private void theBaseForksSavedAsABaselineGiveTheSameVerdictUntilTampered() throws IOException {
        Path store = dir.resolve("store");
        Path baseForks = dir.resolve("forks/base/" + PAYMENTS + "benchmarks.PaymentBenchmarks.handle");
        CliRun save = CliRun.of("baseline", "save", "--name", "payments", "--from", baseForks.toString(), "--store",
                store.toString());
        assertEquals(0, save.exit(), save.err());
        String head = dir.resolve("forks/head").toString();
        CliRun again = CliRun.of("bench", "--base", "baseline:payments", "--store", store.toString(), "--head", head);
        assertEquals(BaseCommand.EXIT_REGRESSION, again.exit(), again.out() + again.err());
        assertTrue(again.out().contains("ResponseRenderer.render"), again.out());
        Path stored = store.resolve("payments/jmh/fork-01.json");
        Files.writeString(stored, Files.readString(stored).replace("\"avgt\"", "\"thrpt\""));
        CliRun tampered = CliRun.of("bench", "--base", "baseline:payments", "--store", store.toString(), "--head", head);
        assertEquals(BaseCommand.EXIT_BAD_INPUT, tampered.exit());
        assertEquals(1, tampered.errLines().size(), tampered.err());
        assertTrue(tampered.err().startsWith("profgate: error: "), tampered.err());
        assertTrue(tampered.err().contains("tampered or corrupt baseline"), tampered.err());
    }

    /** With async-profiler attached (where its bundled library runs; else JFR): its lock events show the waits. */
    @Test
    void theLockHeldAcrossTheHandlerFailsAndNamesTheMonitorWaitInTheHandler() throws IOException {
        Path out = dir.resolve("out");
        String profiler = WorkloadRecorder.asyncProfilerSupported() ? "async" : "jfr";
        CliRun run = BenchRuns.bench("--base-jar", JmhJars.paymentsApi("base").toString(), "--head-jar",
                JmhJars.paymentsApi("lock-held").toString(), "--bench", "PaymentBenchmarks.handleConcurrently$",
                "--profiler", profiler, "--out", out.toString(), "--forks-dir", dir.resolve("forks").toString());
        assertEquals(BaseCommand.EXIT_REGRESSION, run.exit(), run.out() + run.err());
        JsonNode report = BenchRuns.report(out);
        assertTrue(report.at("/run/settings").asText().endsWith("profiler " + profiler), report.toString());
        List<JsonNode> lock = findings(report, "time");
        assertTrue(lock.stream().limit(3).anyMatch(f -> calledThrough(f, PAYMENTS + "PaymentHandler.handle",
                "(monitor wait)") && f.get("delta").asDouble() > 0), lock.toString());
        assertTrue(BenchRuns.explainedBy(lock, "java-monitor-wait-grown"), lock.toString());
        assertChangeWithInterval(report.get("benchmarks").get(0));
        assertEquals(List.of(), BenchRuns.processesUsing(dir));
    }

    @Test
    void parameterValuesAndJvmOptionsGivenReachTheForks() throws IOException {
        Path forks = dir.resolve("forks");
        String jar = JmhJars.faulty().toString();
        CliRun run = CliRun.of("bench", "--forks", "2", "--warmup-iterations", "0", "--iterations", "1", "--time",
                "200ms", "--profiler", "none", "--base-jar", jar, "--head-jar", jar, "--bench", "ParamBenchmarks.sum",
                "-p", "size=16", "--param", "label=plain", "--jvm-args", " -Dprofgate.probe=on  -Xss2m",
                "--format", "json", "--forks-dir", forks.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode benchmarks = new ObjectMapper().readTree(run.out()).get("benchmarks");
        assertEquals(1, benchmarks.size(), benchmarks.toString());
        try (Stream<Path> files = Files.walk(forks.resolve("head"))) {
            List<Path> results = files.filter(f -> f.getFileName().toString().matches("fork-\\d+\\.json")).toList();
            assertEquals(2, results.size(), results.toString());
            for (Path result : results) {
                JsonNode fork = new ObjectMapper().readTree(result.toFile()).get(0);
                assertEquals("16", fork.at("/params/size").asText());
                assertEquals("plain", fork.at("/params/label").asText());
                List<String> jvmArgs = StreamSupport.stream(fork.get("jvmArgs").spliterator(), false)
                        .map(JsonNode::asText).toList();
                assertTrue(jvmArgs.containsAll(List.of("-Dprofgate.probe=on", "-Xss2m")), jvmArgs.toString());
            }
        }
        assertEquals(List.of(), BenchRuns.processesUsing(forks));
    }

    /**
     * The benchmark's score and CPU time per operation each have a ratio inside a finite interval, from the four
     * forks of each side.
     */
    static void assertChangeWithInterval(JsonNode benchmark) {
        for (JsonNode metric : List.of(benchmark, benchmark.get("cpu"))) {
            double ratio = metric.get("ratio").asDouble();
            double low = metric.at("/ci/low").asDouble();
            double high = metric.at("/ci/high").asDouble();
            assertTrue(low <= ratio && ratio <= high && low > 0 && Double.isFinite(high), metric.toString());
            assertEquals(4, metric.at("/base/forks").size());
            assertEquals(4, metric.at("/head/forks").size());
        }
        assertEquals("ns/op", benchmark.at("/cpu/unit").asText());
    }

    /** The repository lists only its main worktree. */
    static void assertNoWorktreesLeft(Path repo) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", repo.toString(), "worktree", "list", "--porcelain")
                .redirectErrorStream(true).start();
        String listing = new String(git.getInputStream().readAllBytes());
        git.waitFor();
        assertEquals(1, listing.lines().filter(l -> l.startsWith("worktree ")).count(), listing);
    }
}
