package dev.profgate.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.cli.StackProfiles;
import dev.profgate.cli.StackProfiles.Frame;
import dev.profgate.model.SampleType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profgate bench --out DIR --github} as a process in a pull request step, on forks of the payments-api
 * benchmark recorded as a bench run leaves them ({@code fork-NN.json} JMH results and CPU profiles under the JMH stub,
 * frames on the example's real source lines), so bench analyses without running JMH: a regex compiled per call fails
 * the gate, and the WireMock GitHub gets the sticky comment, the failing check run and the annotation on the line
 * that compiles the regex; a second run, now passing, updates the same comment and its check run succeeds.
 */
@Timeout(300)
class BenchWithGitHubTest {
    private static final String BENCHMARK = "dev.profgate.examples.payments.benchmarks.PaymentBenchmarks.handle";
    private static final String SOURCES = "examples/payments-api/src/main/java/dev/profgate/examples/payments/";
    private static final String CARD_VALIDATOR = SOURCES + "CardValidator.java";
    private static final String ARTIFACT = "https://github.example/acme/payments/actions/runs/555/artifacts/12";
    private static final int FORKS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path forks;
    @TempDir
    Path tmp;

    @BeforeAll
    static void recordForks() throws IOException {
        Frame stub = new Frame("dev.profgate.examples.payments.benchmarks.jmh_generated.PaymentBenchmarks_handle_"
                + "jmhTest.handle_avgt_jmhStub", "PaymentBenchmarks_handle_jmhTest.java", 190);
        Frame benchmark = at(BENCHMARK, "examples/payments-api/src/jmh/java/dev/profgate/examples/payments/benchmarks/"
                + "PaymentBenchmarks.java", "handler.handle(");
        Frame handler = at("dev.profgate.examples.payments.PaymentHandler.handle", SOURCES + "PaymentHandler.java",
                "renderer.render(");
        Frame validating = at("dev.profgate.examples.payments.PaymentHandler.handle", SOURCES + "PaymentHandler.java",
                "isValid(");
        Frame compiling = at("dev.profgate.examples.payments.CardValidator.isValid", CARD_VALIDATOR,
                "Pattern.compile(CARD_REGEX) :");
        Frame matching = at("dev.profgate.examples.payments.CardValidator.isValid", CARD_VALIDATOR,
                "pattern.matcher(digits)");
        Frame render = at("dev.profgate.examples.payments.ResponseRenderer.render", SOURCES + "ResponseRenderer.java",
                "String render(");
        Frame matches = new Frame("java.util.regex.Matcher.matches", "Matcher.java", 712);
        Frame compile = new Frame("java.util.regex.Pattern.compile", "Pattern.java", 1069);
        for (String side : List.of("base", "head")) {
            StackProfiles cpu = new StackProfiles(new SampleType("cpu", "nanoseconds"));
            cpu.add(1_000_000, stub, benchmark, handler, render);
            cpu.add(400_000, stub, benchmark, validating, matching, matches);
            double score = 3_000;
            if (side.equals("head")) {
                cpu.add(900_000, stub, benchmark, validating, compiling, compile);
                score = 4_000;
            }
            Path dir = forks.resolve(side).resolve(BENCHMARK);
            Files.createDirectories(dir);
            for (int fork = 1; fork <= FORKS; fork++) {
                String stem = String.format("fork-%02d", fork);
                Files.writeString(dir.resolve(stem + ".json"), jmhResult(score + 10 * fork, score * 0.9 + 7 * fork));
                cpu.writeReplicate(fork - 1, dir.resolve(stem + ".pb.gz"));
            }
        }
    }

    @Test
    void benchPublishesItsReportACheckRunFollowingTheVerdictAndUpdatesTheCommentOnTheNextRun() throws Exception {
        try (GitHubApiMock github = new GitHubApiMock()) {
            Path failing = tmp.resolve("failing");
            Run first = bench(github, "head", failing);
            assertEquals(1, first.exit(), first.err());
            assertEquals("fail", json(failing.resolve("report.json")).get("verdict").textValue());
            assertTrue(first.err().contains("profgate: GitHub: comment created https://github.example/acme/payments/"
                    + "pull/7#issuecomment-"), first.err());
            List<JsonNode> comments = github.comments();
            assertEquals(1, comments.size());
            long id = comments.get(0).get("id").asLong();
            String body = comments.get(0).get("body").textValue();
            assertTrue(body.startsWith("<!-- profgate:gate=bench -->\n"), body);
            assertEquals(Bodies.withRepositoryLinks(Files.readString(failing.resolve("report.md")),
                    PublishFixtures.BLOB_URL).strip(), body.substring(0, body.indexOf("\n[Full report]")).strip(),
                    "the comment is bench's Markdown, its source links at the head commit");
            assertTrue(body.contains("](" + PublishFixtures.BLOB_URL + "examples/payments-api/"), body);
            assertTrue(body.contains("[Full report](<" + ARTIFACT + ">)"), body);

            JsonNode run = github.requests("POST", "/repos/acme/payments/check-runs").get(0).json();
            assertEquals("profgate", run.get("name").textValue());
            assertEquals(PublishFixtures.HEAD_SHA, run.get("head_sha").textValue());
            assertEquals("failure", run.get("conclusion").textValue());
            assertRegexLineAnnotated(run.at("/output/annotations"));

            Path passing = tmp.resolve("passing");
            Run second = bench(github, "base", passing);
            assertEquals(0, second.exit(), second.err());
            assertEquals("pass", json(passing.resolve("report.json")).get("verdict").textValue());
            assertTrue(second.err().contains("profgate: GitHub: comment updated"), second.err());
            github.verify(1, postRequestedFor(GitHubApiMock.api("/repos/acme/payments/issues/7/comments")));
            github.verify(1, patchRequestedFor(GitHubApiMock.api("/repos/acme/payments/issues/comments/" + id)));
            assertEquals(1, github.comments().size(), "updated in place");
            assertEquals(Files.readString(passing.resolve("report.md")).strip(), github.comments().get(0)
                    .get("body").textValue().split("\n\\[Full report]")[0].strip());
            assertEquals(List.of("failure", "success"), github.checkRuns().stream()
                    .map(r -> r.get("conclusion").textValue()).toList(), "one check run a run, as the verdict");
            GitHubErrorsTest.assertTokenAbsent(first.err() + second.err(), "bench's output");
        }
    }

    /** The culprit's annotation is on the line of the example that compiles the regex; all are repository files. */
    private static void assertRegexLineAnnotated(JsonNode annotations) throws IOException {
        List<JsonNode> onValidator = new ArrayList<>();
        for (JsonNode annotation : annotations) {
            Path file = PublishFixtures.REPO.resolve(annotation.get("path").textValue());
            assertTrue(Files.isRegularFile(file), "annotations name repository files: " + annotation);
            if (annotation.get("path").textValue().equals(CARD_VALIDATOR)) {
                onValidator.add(annotation);
            }
        }
        assertEquals(1, onValidator.size(), annotations.toString());
        JsonNode regex = onValidator.get(0);
        String line = Files.readAllLines(PublishFixtures.REPO.resolve(CARD_VALIDATOR)).get(regex.get("start_line")
                .asInt() - 1);
        assertTrue(line.contains("Pattern.compile(CARD_REGEX)"), "annotated line: " + line);
        assertEquals("failure", regex.get("annotation_level").textValue());
        assertTrue(regex.get("title").textValue().contains("java-regex-compile-per-call"), regex.toString());
    }

    /** {@code bench --base <base forks> --head <side's forks> --out out --github} in a pull request step. */
    private Run bench(GitHubApiMock github, String head, Path out) throws Exception {
        Map<String, String> env = PublishFixtures.pullRequestEnv(github, tmp.resolve("step-" + head));
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.profgate.cli.Main", "bench",
                "--base", forks.resolve("base").toString(), "--head", forks.resolve(head).toString(),
                "--out", out.toString(), "--github", "--artifact-url", ARTIFACT);
        process.environment().keySet().removeIf(k -> k.startsWith("GITHUB_"));
        process.environment().putAll(env);
        Path stderr = tmp.resolve("stderr-" + head);
        process.redirectOutput(tmp.resolve("stdout-" + head).toFile()).redirectError(stderr.toFile());
        Process started = process.start();
        assertTrue(started.waitFor(240, TimeUnit.SECONDS));
        return new Run(started.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String err) {
    }

    /** A fork's JMH result ({@code -rf json}): the score and CPU time per operation of its two iterations. */
    private static String jmhResult(double score, double cpuPerOp) {
        ObjectNode result = JSON.createObjectNode();
        result.put("jmhVersion", "1.37").put("benchmark", BENCHMARK).put("mode", "avgt").put("threads", 1)
                .put("forks", 1).put("jvm", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java").put("jdkVersion", "17")
                .put("vmName", "OpenJDK 64-Bit Server VM").put("vmVersion", "17.0.15+6")
                .put("warmupIterations", 1).put("warmupTime", "500 ms").put("warmupBatchSize", 1)
                .put("measurementIterations", 2).put("measurementTime", "500 ms").put("measurementBatchSize", 1);
        result.putArray("jvmArgs");
        result.set("primaryMetric", metric(score));
        result.putObject("secondaryMetrics").set("cpu.time.norm", metric(cpuPerOp));
        return JSON.createArrayNode().add(result).toString();
    }

    private static ObjectNode metric(double mean) {
        ObjectNode metric = JSON.createObjectNode().put("score", mean).put("scoreUnit", "ns/op");
        ArrayNode iterations = metric.putArray("rawData").addArray();
        iterations.add(mean - 1).add(mean + 1);
        return metric;
    }

    /** The frame of {@code function} at the first line of {@code repoFile} containing {@code text}. */
    private static Frame at(String function, String repoFile, String text) throws IOException {
        List<String> lines = Files.readAllLines(PublishFixtures.REPO.resolve(repoFile));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return new Frame(function, Path.of(repoFile).getFileName().toString(), i + 1);
            }
        }
        throw new AssertionError(repoFile + " has no line with " + text);
    }

    private static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
