package dev.profgate.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profgate.analysis.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.github.GHCheckRun;

@Timeout(120)
class GitHubPublisherTest {
    static final Predicate<Verdict> FAIL_ON_FAIL = v -> v == Verdict.FAIL;
    private static final String CARD_VALIDATOR =
            "examples/payments-api/src/main/java/dev/profgate/examples/payments/CardValidator.java";
    private static final String ARTIFACT = "https://github.example/acme/payments/actions/runs/555/artifacts/9";

    @TempDir
    Path tmp;
    private GitHubApiMock github;

    @BeforeEach
    void start() throws IOException {
        github = new GitHubApiMock();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void firstRunCreatesTheCommentAndCheckRunTheSecondUpdatesTheSameComment() throws IOException {
        Path report = PublishFixtures.failingReport(tmp.resolve("report"));
        PublishResult first = publish(report, PublishFixtures.pullRequestEnv(github, tmp), CommentMode.ALWAYS);
        assertEquals("created", first.comment());
        assertEquals(1, github.comments().size());
        long id = github.comments().get(0).get("id").asLong();

        Files.delete(tmp.resolve("summary.md"));
        Files.delete(tmp.resolve("output.txt"));
        PublishResult second = publish(report, PublishFixtures.pullRequestEnv(github, tmp), CommentMode.ALWAYS);
        assertEquals("updated", second.comment());
        assertEquals(first.commentUrl(), second.commentUrl());
        assertEquals(1, github.comments().size(), "updated in place, not a second comment");
        github.verify(1, postRequestedFor(GitHubApiMock.api(".*/issues/7/comments")));
        List<GitHubApiMock.Request> patches = github.requests("PATCH", ".*/issues/comments/\\d+");
        assertEquals(List.of("/repos/acme/payments/issues/comments/" + id),
                patches.stream().map(GitHubApiMock.Request::path).toList());
        JsonNode comment = github.comments().get(0);
        String body = comment.get("body").textValue();
        assertTrue(body.startsWith("<!-- profgate:gate=demo -->\n"), body);
        assertTrue(body.contains("<code>java.util.regex.Pattern.compile</code>"), body);
        assertTrue(body.contains("[Full report](<" + ARTIFACT + ">)"), body);
        assertEquals(Bodies.withRepositoryLinks(Files.readString(report.resolve("report.md")), PublishFixtures.BLOB_URL)
                .strip(), body.substring(0, body.indexOf("\n[Full report]")).strip(),
                "the comment is the report's Markdown, its source links at the head commit");
        for (GitHubApiMock.Request request : github.requests()) {
            assertEquals("token " + GitHubApiMock.TOKEN, request.authorization(), request.call());
        }
    }

    @Test
    void checkRunFailsOnTheHeadCommitWithAnAnnotationOnTheLineThatCompilesTheRegex() throws IOException {
        Path report = PublishFixtures.failingReport(tmp.resolve("report"));
        PublishResult result = publish(report, PublishFixtures.pullRequestEnv(github, tmp), CommentMode.ALWAYS);
        List<GitHubApiMock.Request> creates = github.requests("POST", "/repos/acme/payments/check-runs");
        assertEquals(1, creates.size());
        JsonNode sent = creates.get(0).json();
        assertEquals("profgate", sent.get("name").textValue());
        assertEquals(PublishFixtures.HEAD_SHA, sent.get("head_sha").textValue(), "the PR head, not the merge commit");
        assertEquals("completed", sent.get("status").textValue());
        assertEquals("failure", sent.get("conclusion").textValue());
        assertEquals(ARTIFACT, sent.get("details_url").textValue());
        assertTrue(sent.at("/output/title").textValue().startsWith("profgate FAIL (gate demo)"), sent.toString());
        assertTrue(sent.at("/output/summary").textValue().startsWith("<!-- profgate:gate=demo -->"));

        List<JsonNode> annotations = new ArrayList<>();
        sent.at("/output/annotations").forEach(annotations::add);
        assertEquals(result.annotations(), annotations.size());
        JsonNode regex = annotations.stream().filter(a -> a.get("path").textValue().equals(CARD_VALIDATOR))
                .findFirst().orElseThrow(() -> new AssertionError(annotations.toString()));
        assertEquals("failure", regex.get("annotation_level").textValue());
        assertEquals(regex.get("start_line"), regex.get("end_line"));
        String line = Files.readAllLines(PublishFixtures.REPO.resolve(CARD_VALIDATOR))
                .get(regex.get("start_line").asInt() - 1);
        assertTrue(line.contains("Pattern.compile("), "annotated line: " + line);
        assertTrue(regex.get("title").textValue().contains("java-regex-compile-per-call"), regex.toString());
        assertTrue(regex.get("message").textValue().contains("Compile the Pattern once"), regex.toString());
        for (JsonNode annotation : annotations) {
            assertTrue(Files.isRegularFile(PublishFixtures.REPO.resolve(annotation.get("path").textValue())),
                    "annotations name repository files: " + annotation);
        }
    }

    @Test
    void theCommentIsFoundByItsMarkerOnALaterPageAndOtherGatesAreLeftAlone() throws IOException {
        Path report = PublishFixtures.failingReport(tmp.resolve("report"));
        String ours = "<!-- profgate:gate=demo -->\nan older verdict";
        String otherGate = "<!-- profgate:gate=demo-alloc -->\nanother gate";
        for (int i = 0; i < 120; i++) {
            github.addComment(PublishFixtures.PR, "LGTM " + i + " (mentions <!-- profgate:gate=demo --> mid-text)",
                    "reviewer");
        }
        github.addComment(PublishFixtures.PR, otherGate, "github-actions[bot]");
        github.addComment(PublishFixtures.PR, ours, "github-actions[bot]");
        publish(report, PublishFixtures.pullRequestEnv(github, tmp), CommentMode.ALWAYS);

        assertEquals(2, github.requests("GET", ".*/issues/7/comments").size(), "both pages read");
        assertEquals(List.of(), github.requests("POST", ".*/issues/7/comments"));
        List<JsonNode> comments = github.comments();
        assertEquals(122, comments.size());
        assertEquals(otherGate, comments.get(120).get("body").textValue());
        assertTrue(comments.get(121).get("body").textValue().contains("Pattern.compile"));
        assertTrue(comments.get(0).get("body").textValue().startsWith("LGTM 0"));
    }

    @Test
    void onChangeLeavesAnIdenticalCommentAloneAndSkipsAFirstCommentOnPass() throws IOException {
        Path failing = PublishFixtures.failingReport(tmp.resolve("failing"));
        publish(failing, PublishFixtures.pullRequestEnv(github, tmp.resolve("run1")), CommentMode.ALWAYS);
        PublishResult again = publish(failing, PublishFixtures.pullRequestEnv(github, tmp.resolve("run2")),
                CommentMode.ON_CHANGE);
        assertEquals("unchanged", again.comment());
        assertEquals(List.of(), github.requests("PATCH", ".*/issues/comments/\\d+"));

        try (GitHubApiMock fresh = new GitHubApiMock()) {
            Path passing = PublishFixtures.passingReport(tmp.resolve("passing"));
            PublishResult pass = publish(passing, PublishFixtures.pullRequestEnv(fresh, tmp.resolve("run3")),
                    CommentMode.ON_CHANGE);
            assertEquals("skipped", pass.comment());
            assertEquals(List.of(), fresh.requests("POST", ".*/issues/7/comments"));
            assertEquals("success", fresh.checkRuns().get(0).get("conclusion").textValue());
        }
    }

    @Test
    void commentNeverAndPushEventsMakeNoCommentCalls() throws IOException {
        Path report = PublishFixtures.failingReport(tmp.resolve("report"));
        publish(report, PublishFixtures.pullRequestEnv(github, tmp.resolve("pr")), CommentMode.NEVER);
        PublishResult push = publish(report, PublishFixtures.pushEnv(github, tmp.resolve("push")),
                CommentMode.ALWAYS);
        assertEquals("skipped", push.comment());
        assertNull(push.commentUrl());
        assertTrue(github.requests().stream().noneMatch(r -> r.path().contains("/issues")), github.requests()
                .toString());
        List<JsonNode> runs = github.checkRuns();
        assertEquals(List.of(PublishFixtures.HEAD_SHA, PublishFixtures.MERGE_SHA),
                runs.stream().map(r -> r.get("head_sha").textValue()).toList());
    }

    @Test
    void conclusionFollowsTheVerdictAndFailOn() {
        Predicate<Verdict> failOnWarn = v -> v != Verdict.PASS;
        Predicate<Verdict> never = v -> false;
        assertEquals(GHCheckRun.Conclusion.FAILURE, CheckRun.conclusion(Verdict.FAIL, FAIL_ON_FAIL));
        assertEquals(GHCheckRun.Conclusion.NEUTRAL, CheckRun.conclusion(Verdict.WARN, FAIL_ON_FAIL));
        assertEquals(GHCheckRun.Conclusion.SUCCESS, CheckRun.conclusion(Verdict.PASS, FAIL_ON_FAIL));
        assertEquals(GHCheckRun.Conclusion.FAILURE, CheckRun.conclusion(Verdict.WARN, failOnWarn));
        assertEquals(GHCheckRun.Conclusion.NEUTRAL, CheckRun.conclusion(Verdict.FAIL, never));
        assertEquals(GHCheckRun.Conclusion.SUCCESS, CheckRun.conclusion(Verdict.PASS, never));
    }

    @Test
    void jobSummaryAndStepOutputsDescribeTheRun() throws IOException {
        Path report = PublishFixtures.failingReport(tmp.resolve("report"));
        PublishResult result = publish(report, PublishFixtures.pullRequestEnv(github, tmp), CommentMode.ALWAYS);
        String summary = Files.readString(tmp.resolve("summary.md"));
        assertTrue(summary.startsWith("<!-- profgate:gate=demo -->\n### ❌ profgate FAIL"), summary);
        assertTrue(summary.contains("[Workflow run](<https://github.example/acme/payments/actions/runs/555>)"),
                summary);
        Map<String, String> outputs = PublishFixtures.outputs(tmp.resolve("output.txt"));
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.resolve("report.json")
                .toFile());
        long regressions = 0;
        long failing = 0;
        for (JsonNode finding : json.get("findings")) {
            String kind = finding.get("kind").textValue();
            regressions += kind.equals("regression") || kind.equals("new") ? 1 : 0;
            failing += finding.get("severity").textValue().equals("fail") ? 1 : 0;
        }
        assertEquals("fail", outputs.get("verdict"));
        assertEquals(report.toAbsolutePath().toString(), outputs.get("report-dir"));
        assertEquals(Integer.toString(json.get("findings").size()), outputs.get("findings"));
        assertEquals(Long.toString(regressions), outputs.get("regressions"));
        assertEquals(Long.toString(failing), outputs.get("failing"));
        assertEquals("created", outputs.get("comment"));
        assertEquals(result.commentUrl(), outputs.get("comment-url"));
        assertEquals(github.checkRuns().get(0).get("html_url").textValue(), outputs.get("check-run-url"));
        assertFalse(outputs.get("comment-url").isEmpty());
    }

    static PublishResult publish(Path report, Map<String, String> env, CommentMode mode) {
        return GitHubPublisher.publish(report, GitHubEnvironment.from(env),
                new PublishSettings(mode, FAIL_ON_FAIL, ARTIFACT));
    }
}
