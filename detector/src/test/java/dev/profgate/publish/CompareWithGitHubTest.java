package dev.profgate.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code profgate compare --out DIR --github} as a process in a pull request step: compares, writes, publishes. */
@Timeout(180)
class CompareWithGitHubTest {
    @TempDir
    Path tmp;

    @Test
    void compareWithGitHubPublishesWhatItWrote() throws Exception {
        try (GitHubApiMock github = new GitHubApiMock()) {
            Map<String, String> env = PublishFixtures.pullRequestEnv(github, tmp);
            Path fixtures = Path.of(System.getProperty("profgate.fixtures", "../../shared/fixtures"), "pprof");
            Path out = tmp.resolve("report");
            ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "dev.profgate.cli.Main", "compare",
                    "--base", fixtures.resolve("go-payments-v1.cpu.pb.gz").toString(),
                    "--head", fixtures.resolve("go-payments-v2-regex-per-call.cpu.pb.gz").toString(), "--gate", "go", "--out", out.toString(), "--github", "--comment", "on-change",
                    "--artifact-url", "https://github.example/acme/payments/actions/runs/555/artifacts/3");
            process.environment().keySet().removeIf(k -> k.startsWith("GITHUB_"));
            process.environment().putAll(env);
            process.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
            Process started = process.start();
            assertTrue(started.waitFor(150, TimeUnit.SECONDS));
            String err = Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8);
            assertEquals(1, started.exitValue(), err);

            List<String> lines = err.lines().toList();
            assertEquals("profgate: reports written to " + out, lines.get(0));
            assertTrue(lines.get(1).startsWith("profgate: GitHub: comment created https://github.example/acme/"
                    + "payments/pull/7#issuecomment-"), err);
            assertEquals(Files.readString(out.resolve("report.md")).strip(), github.comments().get(0).get("body")
                    .textValue().split("\n\\[Full report]")[0].strip());
            assertEquals("failure", github.checkRuns().get(0).get("conclusion").textValue());
            assertEquals("fail", PublishFixtures.outputs(tmp.resolve("output.txt")).get("verdict"));
            GitHubErrorsTest.assertTokenAbsent(Files.readString(tmp.resolve("stdout")) + err, "the output");
            GitHubErrorsTest.assertTokenAbsent(PublishFixtures.allText(out), "the reports");
        }
    }
}
