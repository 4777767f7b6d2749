package dev.profgate.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profgate.cli.StackProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action end to end, run as the Actions runner runs it ({@link ActionRunner}): its entry script compares recorded
 * profiles in a git workspace where each of 120 new functions has its own source file, and publishes to the loopback
 * GitHub.
 */
@Timeout(300)
class ActionScriptTest {
    private static final int NEW_FUNCTIONS = 120;
    private static final Map<String, String> INPUTS = Map.of("base", "profiles/base", "head", "profiles/head",
            "out", "report");

    @TempDir
    static Path workspace;
    @TempDir
    Path scratch;
    private GitHubApiMock github;

    @BeforeAll
    static void recordProfilesInAGitWorkspace() throws Exception {
        StackProfiles base = new StackProfiles();
        StackProfiles head = new StackProfiles();
        for (int i = 0; i < 20; i++) {
            base.add(300, StackProfiles.frames("main", "app.step" + i));
            head.add(300, StackProfiles.frames("main", "app.step" + i));
        }
        Files.createDirectories(workspace.resolve("src"));
        for (int i = 0; i < NEW_FUNCTIONS; i++) {
            head.add(100, StackProfiles.frames("main", "app.new" + i));
            Files.writeString(workspace.resolve("src/app.new" + i + ".go"), "package app\n".repeat(20));
        }
        base.write(workspace.resolve("profiles/base"));
        head.write(workspace.resolve("profiles/head"));
        TestGit.run(workspace, "init", "-q");
        TestGit.run(workspace, "add", "src");
    }

    @BeforeEach
    void start() throws IOException {
        github = new GitHubApiMock();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void uploadSarifHandsTheReportsSarifToCodeScanning() throws Exception {
        Map<String, String> inputs = new java.util.HashMap<>(INPUTS);
        inputs.put("upload-sarif", "true");
        ActionRunner.Run run = new ActionRunner(github, workspace, scratch.resolve("sarif")).run(inputs);
        Path sarif = Path.of(run.sarif().get("sarif_file"));
        assertEquals(workspace.resolve("report/report.sarif"), sarif);
        assertTrue(Files.readString(sarif).contains("\"version\" : \"2.1.0\""), sarif.toString());
        assertEquals("profgate-compare-", run.sarif().get("category"));
        assertEquals(GitHubApiMock.TOKEN, run.sarif().get("token"));
    }

    @Test
    void aFailingPullRequestGetsOneCommentABatchedCheckRunOutputsAndTheArtifact() throws Exception {
        ActionRunner.Run first = new ActionRunner(github, workspace, scratch.resolve("first")).run(INPUTS);
        assertEquals("success", first.steps().get("run").outcome(), first.steps().get("run").stderr());
        ActionRunner.Step publish = first.steps().get("publish");
        assertEquals(1, publish.exit(), "the verdict fails the gate: " + publish.stderr());
        String report = workspace.resolve("report").toString();
        assertEquals(Map.of("name", "profgate-report", "path", report, "if-no-files-found", "error"), first.upload());
        assertEquals(Map.of(), first.sarif(), "uploading the SARIF is opt-in");
        assertEquals("fail", first.outputs().get("verdict"));
        assertEquals(report, first.outputs().get("report-dir"));
        assertEquals(ActionRunner.ARTIFACT_URL, first.outputs().get("artifact-url"));
        assertEquals(Integer.toString(NEW_FUNCTIONS), first.outputs().get("regressions"));
        assertEquals(github.comments().get(0).get("html_url").textValue(), first.outputs().get("comment-url"));

        List<GitHubApiMock.Request> creates = github.requests("POST", "/repos/acme/payments/check-runs");
        long id = github.checkRuns().get(0).get("id").asLong();
        List<GitHubApiMock.Request> patches = github.requests("PATCH", "/repos/acme/payments/check-runs/" + id);
        List<Integer> batches = new ArrayList<>();
        Set<String> annotated = new HashSet<>();
        for (GitHubApiMock.Request request : concat(creates, patches)) {
            JsonNode annotations = request.json().at("/output/annotations");
            batches.add(annotations.size());
            annotations.forEach(a -> annotated.add(a.get("path").textValue() + ":" + a.get("start_line").asInt()));
        }
        assertEquals(List.of(50, 50, 20), batches);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < NEW_FUNCTIONS; i++) {
            expected.add("src/app.new" + i + ".go:11");
        }
        assertEquals(expected, annotated, "each new function annotated at its line in its own file");
        assertEquals(ActionRunner.ARTIFACT_URL, creates.get(0).json().get("details_url").textValue());
        assertTrue(github.comments().get(0).get("body").textValue().contains("[Full report](<"
                + ActionRunner.ARTIFACT_URL + ">)"));

        ActionRunner.Run second = new ActionRunner(github, workspace, scratch.resolve("second")).run(INPUTS);
        assertEquals("updated", second.steps().get("publish").outputs().get("comment"));
        assertEquals(1, github.comments().size());
        String summary = Files.readString(scratch.resolve("second/summary.md"));
        assertTrue(summary.startsWith("<!-- profgate:gate=samples -->\n### ❌ profgate FAIL"), summary);
        for (ActionRunner.Run run : List.of(first, second)) {
            GitHubErrorsTest.assertTokenAbsent(run.allText(), "the steps' output");
            assertEquals(List.of(GitHubApiMock.TOKEN), run.steps().get("publish").masked(),
                    "the token is registered with ::add-mask:: before publishing");
        }
        GitHubErrorsTest.assertTokenAbsent(PublishFixtures.allText(workspace.resolve("report")), "the report");
        GitHubErrorsTest.assertTokenAbsent(PublishFixtures.allText(scratch), "the runner files");
    }

    @Test
    void aForkPullRequestWarnsAndKeepsTheReportInTheJobSummary() throws Exception {
        github.notAccessible("POST .*", "issues/comments").notAccessible("PATCH .*", "checks/runs");
        ActionRunner.Run run = new ActionRunner(github, workspace, scratch).run(INPUTS);
        ActionRunner.Step publish = run.steps().get("publish");
        assertEquals(1, publish.exit(), "the gate still fails: " + publish.stderr());
        assertTrue(publish.stderr().lines().anyMatch(l -> l.startsWith("::warning title=profgate::the token may not "
                + "write to acme/payments (POST /repos/acme/payments/issues/7/comments")), publish.stderr());
        assertTrue(Files.readString(scratch.resolve("summary.md")).contains("### ❌ profgate FAIL"));
        assertEquals("", run.outputs().get("check-run-url"));
        assertEquals("fail", run.outputs().get("verdict"));
    }

    @Test
    void aGitHubServerErrorFailsThePublishStepWithOneLineAndExitTwo() throws Exception {
        github.failWith("POST /repos/acme/payments/check-runs", 500, Map.of(), "{\"message\":\"Server Error\"}");
        ActionRunner.Run run = new ActionRunner(github, workspace, scratch).run(Map.of("base", "profiles/base",
                "head", "profiles/head", "out", "report", "comment", "never", "fail-on", "never"));
        ActionRunner.Step publish = run.steps().get("publish");
        assertEquals(2, publish.exit());
        assertEquals(List.of("profgate: error: GitHub API POST /repos/acme/payments/check-runs (create the check run):"
                + " HTTP 500: Server Error; GitHub failed, run the job again"), publish.stderr().lines().toList());
        assertEquals(ActionRunner.ARTIFACT_URL, run.outputs().get("artifact-url"), "the report was uploaded");
        GitHubErrorsTest.assertTokenAbsent(run.allText(), "the steps' output");
    }

    @Test
    void anUnknownModeStopsBeforeAnythingIsUploadedOrPublished() throws Exception {
        ActionRunner.Run run = new ActionRunner(github, workspace, scratch).run(Map.of("mode", "banana"));
        assertEquals(2, run.steps().get("run").exit());
        assertEquals("::error title=profgate::input 'mode' is 'banana'; use compare, bench or deploy",
                run.steps().get("run").stdout().strip());
        assertEquals("skipped", run.steps().get("upload").outcome());
        assertEquals("skipped", run.steps().get("publish").outcome());
        assertEquals(List.of(), github.requests());
        assertFalse(Files.exists(workspace.resolve("profgate-report")));
    }

    private static List<GitHubApiMock.Request> concat(List<GitHubApiMock.Request> a, List<GitHubApiMock.Request> b) {
        List<GitHubApiMock.Request> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
