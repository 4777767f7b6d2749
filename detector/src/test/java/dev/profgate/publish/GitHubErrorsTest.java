package dev.profgate.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GitHub's failure responses, each as GitHub sends it: what profgate does (degrade or fail with one line naming the
 * call) and that the token shows up nowhere: not in messages, files written, nor github-api's log at its finest level.
 */
@Timeout(120)
class GitHubErrorsTest {
    private static final String FORK_MESSAGE = "Resource not accessible by integration";

    @TempDir
    Path tmp;
    private GitHubApiMock github;
    private final List<String> log = new ArrayList<>();
    private final Logger libraryLog = Logger.getLogger("org.kohsuke.github");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(new SimpleFormatter().formatMessage(record) + " " + record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level libraryLevel;

    @BeforeEach
    void start() throws IOException {
        github = new GitHubApiMock();
        libraryLevel = libraryLog.getLevel();
        libraryLog.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        libraryLog.addHandler(capture);
    }

    @AfterEach
    void stop() throws IOException {
        libraryLog.removeHandler(capture);
        libraryLog.setLevel(libraryLevel);
        github.close();
        assertFalse(log.isEmpty(), "github-api logged its requests at FINE");
        assertTokenAbsent(String.join("\n", log), "github-api's log");
        assertTokenAbsent(PublishFixtures.allText(tmp), "the files written");
    }

    @Test
    void aForkPullRequestsReadOnlyTokenDegradesToTheJobSummaryWithAWarning() throws IOException {
        github.notAccessible("POST .*/issues/7/comments", "issues/comments#create-an-issue-comment")
                .notAccessible("POST .*/check-runs", "checks/runs#create-a-check-run");
        Path report = PublishFixtures.failingReport(tmp.resolve("report"));
        PublishResult result = GitHubPublisherTest.publish(report, PublishFixtures.pullRequestEnv(github, tmp),
                CommentMode.ALWAYS);

        assertEquals(1, result.warnings().size(), result.warnings().toString());
        String warning = result.warnings().get(0);
        assertTrue(warning.contains("POST /repos/acme/payments/issues/7/comments") && warning.contains("HTTP 403")
                && warning.contains(FORK_MESSAGE) && warning.contains("fork"), warning);
        github.verify(1, postRequestedFor(GitHubApiMock.api(".*/issues/7/comments")));
        assertEquals(List.of(), github.requests("POST", ".*/check-runs"), "no further writes once refused");
        String summary = Files.readString(tmp.resolve("summary.md"));
        assertTrue(summary.startsWith("> **Warning:** the token may not write"), summary);
        assertTrue(summary.contains("<!-- profgate:gate=demo -->\n### ❌ profgate FAIL"), summary);
        Map<String, String> outputs = PublishFixtures.outputs(tmp.resolve("output.txt"));
        assertEquals("fail", outputs.get("verdict"));
        assertEquals("skipped", outputs.get("comment"));
        assertEquals("", outputs.get("check-run-url"));
    }

    @Test
    void aBadTokenFailsWithTheCallAndNoToken() throws IOException {
        Map<String, String> env = PublishFixtures.pullRequestEnv(github, tmp);
        String wrong = "ghp_wrongTOKEN_abcdefghijklmnop0123";
        env.put("GITHUB_TOKEN", wrong);
        String message = failure(env);
        assertEquals("GitHub API GET /repos/acme/payments (read the repository): HTTP 401: Bad credentials; the token"
                + " is missing, invalid or expired", message);
        assertFalse(message.contains(wrong));
        assertEquals("token " + wrong, github.requests().get(0).authorization(), "the wrong token was sent");
        assertTrue(Files.readString(tmp.resolve("summary.md")).contains("### ❌ profgate FAIL"),
                "the job summary still has the report");
    }

    @Test
    void notFoundNamesTheCall() throws IOException {
        github.failWith("GET /repos/acme/payments/issues/7", 404, Map.of(),
                GitHubApiMock.error(404, "Not Found", "issues/issues#get-an-issue"));
        String message = failure(PublishFixtures.pullRequestEnv(github, tmp));
        assertTrue(message.startsWith("GitHub API GET /repos/acme/payments/issues/7 (read the pull request): HTTP 404"),
                message);
        assertTrue(message.endsWith("check GITHUB_REPOSITORY, the pull request and that the token can read the "
                + "repository"), message);
    }

    @Test
    void validationFailedShowsGitHubsErrors() throws IOException {
        github.validationFailed("POST .*/check-runs", "CheckRun", "head_sha", "invalid",
                "checks/runs#create-a-check-run");
        String message = failure(PublishFixtures.pullRequestEnv(github, tmp));
        assertEquals("GitHub API POST /repos/acme/payments/check-runs (create the check run): HTTP 422: Validation "
                + "Failed (head_sha invalid); GitHub refused the request's content", message);
    }

    @Test
    void aServerErrorFailsAtOnceWithoutRetrying() throws IOException {
        github.failWith("POST .*/check-runs", 500, Map.of(), "{\"message\":\"Server Error\"}");
        String message = failure(PublishFixtures.pullRequestEnv(github, tmp));
        assertEquals("GitHub API POST /repos/acme/payments/check-runs (create the check run): HTTP 500: Server "
                + "Error; GitHub failed, run the job again", message);
        github.verify(1, postRequestedFor(GitHubApiMock.api(".*/check-runs")));
    }

    @Test
    void rateLimitsFailAtOnceWithTheResetTimeInsteadOfWaiting() throws IOException {
        github.rateLimited("GET /repos/acme/payments/issues/7/comments");
        String primary = failure(PublishFixtures.pullRequestEnv(github, tmp.resolve("primary")));
        assertTrue(primary.startsWith("GitHub API GET /repos/acme/payments/issues/7/comments (list the PR comments): "
                + "HTTP 403 rate limited"), primary);
        assertTrue(primary.contains("API rate limit exceeded for installation ID 1. (the limit resets at "
                + Instant.ofEpochSecond(GitHubApiMock.RATE_LIMIT_RESET) + ")"), primary);
        assertTrue(primary.endsWith("rate limit exceeded, run again later"), primary);

        try (GitHubApiMock secondary = new GitHubApiMock()) {
            secondary.secondaryRateLimited("POST .*/issues/7/comments", 60);
            String message = failure(PublishFixtures.pullRequestEnv(secondary, tmp.resolve("secondary")));
            assertTrue(message.startsWith("GitHub API POST /repos/acme/payments/issues/7/comments (create the PR "
                    + "comment): HTTP 429 rate limited"), message);
            secondary.verify(1, postRequestedFor(GitHubApiMock.api(".*/issues/7/comments")));
        }
    }

    @Test
    void aServerEchoingTheTokenHasItRedacted() throws IOException {
        github.failWith("POST .*/check-runs", 422, Map.of(),
                GitHubApiMock.error(422, "token " + GitHubApiMock.TOKEN + " is not allowed", "checks"));
        String message = failure(PublishFixtures.pullRequestEnv(github, tmp));
        assertTrue(message.contains("token *** is not allowed"), message);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 500})
    void aTokenEchoedInAnErrorBodyIsMaskedInTheErrorAndTheLog(int status) throws IOException {
        github.failWith("GET /repos/acme/payments", status, Map.of(),
                GitHubApiMock.error(status, "token " + GitHubApiMock.TOKEN + " was refused", "rest"));
        String message = failure(PublishFixtures.pullRequestEnv(github, tmp));
        assertTrue(message.startsWith("GitHub API GET /repos/acme/payments (read the repository): HTTP " + status
                + ": token *** was refused"), message);
    }

    private String failure(Map<String, String> env) {
        Path report = PublishFixtures.failingReport(tmp.resolve("report-" + System.nanoTime()));
        BadInputException e = assertThrows(BadInputException.class,
                () -> GitHubPublisherTest.publish(report, env, CommentMode.ALWAYS));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTokenAbsent(e.getMessage(), "the error");
        return e.getMessage();
    }

    static void assertTokenAbsent(String text, String where) {
        assertFalse(text.contains(GitHubApiMock.TOKEN), "token in " + where);
        assertFalse(text.contains(GitHubApiMock.TOKEN.substring(4, 20)), "part of the token in " + where);
    }
}
