package dev.profgate.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profgate.source.Git;
import dev.profgate.source.remote.Deploys;
import dev.profgate.source.remote.FakePyroscope;
import dev.profgate.source.remote.ProfileStore;
import dev.profgate.source.remote.RecordedProfiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profgate deploy-check --attribute --github --environment production} as a deploy step, end to end: the Go
 * service's profiles before and after the deploy from the loopback Pyroscope (regexp compiled per call after it),
 * the deploy's base from the previous successful deployment on the loopback GitHub, a real git repository whose
 * {@code payments/payments.go} matches the profiles' file names and lines, and the reporting: comment on the
 * culprit's pull request only, deployment status, job summary. Reruns are {@link AttributionPublisherTest}'s.
 */
@Timeout(300)
class DeployAttributionTest {
    @TempDir
    Path tmp;

    @Test
    void theDeploysCulpritPullRequestIsToldAndTheDeploymentFails() throws Exception {
        Path repo = goRepository(tmp.resolve("repo"));
        Git git = new Git(repo);
        String base = git.resolve("HEAD~3", "base");
        String ledger = git.resolve("HEAD~2", "ledger");
        String culprit = git.resolve("HEAD~1", "culprit");
        String head = git.resolve("HEAD", "head");
        ProfileStore store = new ProfileStore();
        Deploys.around(store, RecordedProfiles.V2);
        try (GitHubApiMock github = new GitHubApiMock(); FakePyroscope pyroscope = new FakePyroscope(store)) {
            github.addPull(ledger, 21);
            github.addPull(culprit, 22);
            github.addPull(head, 23);
            github.addDeployment(base, "production", "success");
            long deployment = github.addDeployment(head, "production", "in_progress");
            Map<String, String> env = PublishFixtures.pushEnv(github, tmp.resolve("run"));
            env.put("GITHUB_SHA", head);

            String err = deployCheck(env, pyroscope, repo);
            assertTrue(err.contains("profgate: GitHub: attribution comment on PR #22, deployment status failure"), err);
            assertEquals(1, github.comments().size(), "a push has no PR of its own: the attribution's comment only");
            JsonNode comment = github.comments().get(0);
            assertTrue(comment.get("issue_url").textValue().endsWith("/issues/22"), comment.toString());
            assertTrue(comment.get("body").textValue().contains("payments.go:30 in"), comment.toString());
            assertEquals("failure", github.deploymentStatuses(deployment).get(0).get("state").textValue());
            String summary = Files.readString(Path.of(env.get("GITHUB_STEP_SUMMARY")));
            assertTrue(summary.contains("PR #22") && summary.contains("PR #23"), summary);
            assertFalse(summary.contains("PR #21"), summary);
            assertEquals(2, github.requests("GET", "/repos/acme/payments/deployments").size(),
                    "the base was read from the deployments, the status posted on the head's");
        }
    }

    private String deployCheck(Map<String, String> env, FakePyroscope pyroscope, Path repo) throws Exception {
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.profgate.cli.Main", "deploy-check",
                "--url", pyroscope.uri().toString(), "--selector", Deploys.SELECTOR, "--deployed-at",
                Deploys.DEPLOYED_AT.toString(), "--window", "30m", "--gap", "2m", "--out",
                tmp.resolve("reports").toString(), "--attribute", "--github",
                "--environment", "production", "--repo", repo.toString()).directory(tmp.toFile());
        process.environment().keySet().removeIf(k -> k.startsWith("GITHUB_"));
        process.environment().putAll(env);
        process.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
        Process started = process.start();
        assertTrue(started.waitFor(240, TimeUnit.SECONDS));
        String err = Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8);
        assertEquals(1, started.exitValue(), err);
        GitHubErrorsTest.assertTokenAbsent(Files.readString(tmp.resolve("stdout")) + err, "the output");
        return err;
    }

    /**
     * The Go service whose profiles the fixtures hold, laid out on the lines the profiles name ({@code validate} at
     * payments.go:28-32, {@code HandlePayment} calling it at line 61): base, an unrelated ledger change, the change
     * that compiles the regexp on every call (line 30), and a comment edit elsewhere in the same file.
     */
    private static Path goRepository(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("payments"));
        Files.createDirectories(dir.resolve("ledger"));
        Path source = dir.resolve("payments/payments.go");
        Files.writeString(source, String.join("\n", List.of("package payments", "", "import (", "\t\"regexp\"",
                "\t\"strconv\"", "\t\"strings\"", ")", "",
                "// cardRegex matches Visa, Mastercard and American Express numbers.",
                "const cardRegex = `^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|3[47][0-9]{13})$`", "",
                "var cardPattern = regexp.MustCompile(cardRegex)", "", "// Payment is one request.",
                "type Payment struct {", "\tCard   string", "\tAmount int", "}", "", "// Response is the answer.",
                "type Response struct {", "\tOK   bool", "\tBody string", "}", "",
                "// validate checks the card number's issuer prefix and length.", "// Spaces are removed first.",
                "func validate(p Payment) bool {", "\tcard := strings.ReplaceAll(p.Card, \" \", \"\")",
                "\tre := cardPattern", "\treturn re.MatchString(card)", "}", "", "// parse reads \"card;amount\".",
                "func parse(s string) Payment {", "\tparts := strings.SplitN(s, \";\", 2)", "\tif len(parts) < 2 {",
                "\t\treturn Payment{}", "\t}", "\tamount, _ := strconv.Atoi(parts[1])",
                "\treturn Payment{Card: parts[0], Amount: amount}", "}", "", "// render formats the response.",
                "func render(p Payment, ok bool) Response {",
                "\treturn Response{OK: ok, Body: p.Card[len(p.Card)-4:] + \":\" + strconv.Itoa(p.Amount)}", "}", "",
                "// HandlePayment parses, validates and renders one request.",
                "func HandlePayment(s string) Response {", "\tif s == \"\" {", "\t\treturn Response{}", "\t}",
                "\t// The request is \"card;amount\".", "\t// Amounts are in cents.",
                "\t// Bad input yields an empty card.", "\tp := parse(s)", "\tif p.Card == \"\" {",
                "\t\treturn Response{}", "\t}", "\tok := validate(p)", "\tif !ok {",
                "\t\treturn Response{Body: \"declined\"}", "\t}", "\treturn render(p, ok)", "}", "")));
        Files.writeString(dir.resolve("ledger/ledger.go"), "package ledger\n\n// Post records an entry.\n"
                + "func Post(amount int) int {\n\treturn amount\n}\n");
        TestGit.run(dir, "init", "-q", "-b", "main");
        TestGit.run(dir, "add", "-A");
        TestGit.run(dir, "commit", "-q", "-m", "Payments service");
        Files.writeString(dir.resolve("ledger/ledger.go"), Files.readString(dir.resolve("ledger/ledger.go"))
                .replace("// Post records an entry.", "// Post records an entry in cents."));
        TestGit.run(dir, "commit", "-q", "-am", "Ledger docs (#21)");
        replace(source, "\tre := cardPattern", "\tre := regexp.MustCompile(cardRegex)");
        TestGit.run(dir, "commit", "-q", "-am", "Validate against the latest card regex (#22)");
        replace(source, "// render formats the response.", "// render formats the response for the client.");
        TestGit.run(dir, "commit", "-q", "-am", "Render docs (#23)");
        return dir;
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
    }
}
