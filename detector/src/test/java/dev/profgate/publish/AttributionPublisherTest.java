package dev.profgate.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profgate.analysis.Verdict;
import dev.profgate.attribution.Attribution;
import dev.profgate.attribution.AttributionPublisher;
import dev.profgate.attribution.AttributionRepo;
import dev.profgate.attribution.ChangeSet;
import dev.profgate.base.BadInputException;
import dev.profgate.source.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy's attribution reported through the loopback GitHub: the base found from the deployments, a sticky
 * comment on the implicated pull request only (updated, not duplicated, on a rerun), the deployment status, the job
 * summary listing every suspect, and an API failure as one line without the token.
 */
@Timeout(120)
class AttributionPublisherTest {
    private static final String ENVIRONMENT = "production";
    @TempDir
    static Path tmp;
    private static AttributionRepo repo;
    private static List<Attribution> attributions;
    private static ChangeSet changes;

    @BeforeAll
    static void build() throws Exception {
        repo = AttributionRepo.create(tmp.resolve("repo"));
        attributions = repo.attribute(repo.base, repo.caller);
        changes = ChangeSet.between(new Git(repo.dir), repo.base, repo.caller);
    }

    @Test
    void commentsOnTheCulpritsPullRequestAndPostsTheDeploymentStatus() throws Exception {
        try (GitHubApiMock github = pullsAndDeployments(new GitHubApiMock())) {
            long head = github.addDeployment(repo.caller, ENVIRONMENT, "in_progress");
            GitHubEnvironment env = environment(github, tmp.resolve("run1"));
            assertEquals(repo.base, AttributionPublisher.previousDeployment(env, ENVIRONMENT));

            AttributionPublisher.Result first = publish(env);
            assertEquals(List.of(12), first.commented());
            assertEquals(1, github.comments().size());
            JsonNode comment = github.comments().get(0);
            assertTrue(comment.get("issue_url").textValue().endsWith("/issues/12"), comment.toString());
            String body = comment.get("body").textValue();
            int line = repo.lineOf("CardValidator.java", "        Pattern pattern = Pattern.compile(CARD_REGEX);");
            assertTrue(body.startsWith("<!-- profgate:attribution=production@" + repo.caller.substring(0, 12)), body);
            assertTrue(body.contains("**high** confidence") && body.contains("CardValidator.java:" + line), body);

            assertEquals("failure", first.deploymentState());
            JsonNode status = github.deploymentStatuses(head).get(0);
            assertEquals("failure", status.get("state").textValue());
            assertTrue(status.get("description").textValue().contains("PR #12"), status.toString());

            String summary = Files.readString(Path.of(env.summaryFile().toString()));
            assertTrue(summary.contains("PR #12") && summary.contains("PR #13") && summary.contains("PR #14"), summary);
            assertFalse(summary.contains("PR #11"), "the ledger change is not a suspect: " + summary);

            AttributionPublisher.Result rerun = publish(env);
            assertEquals(List.of(12), rerun.commented());
            assertEquals(1, github.comments().size(), "the rerun updates the comment");
            github.verify(1, patchRequestedFor(GitHubApiMock.api("/repos/acme/payments/issues/comments/\\d+")));
            assertEquals(0, github.requests("POST", "/repos/acme/payments/issues/(11|13|14)/comments").size());
        }
    }

    @Test
    void noEarlierSuccessfulDeploymentAsksForTheBase() throws Exception {
        try (GitHubApiMock github = new GitHubApiMock()) {
            github.addDeployment(repo.ledger, ENVIRONMENT, "failure");
            github.addDeployment(repo.caller, ENVIRONMENT, "success");
            BadInputException e = assertThrows(BadInputException.class, () -> AttributionPublisher
                    .previousDeployment(environment(github, tmp.resolve("run2")), ENVIRONMENT));
            assertTrue(e.getMessage().contains("give --base-ref"), e.getMessage());
        }
    }

    @Test
    void apiErrorIsOneLineWithoutTheTokenAndTheSummaryIsStillWritten() throws Exception {
        try (GitHubApiMock github = pullsAndDeployments(new GitHubApiMock())) {
            github.failWith("GET /repos/acme/payments/commits/[0-9a-f]+/pulls", 500, Map.of(),
                    GitHubApiMock.error(500, "Server Error " + GitHubApiMock.TOKEN, "rest"));
            GitHubEnvironment env = environment(github, tmp.resolve("run3"));
            BadInputException e = assertThrows(BadInputException.class, () -> publish(env));
            String message = e.getMessage();
            assertEquals(1, message.lines().count(), message);
            assertTrue(message.contains("/commits/") && message.contains("HTTP 500"), message);
            GitHubErrorsTest.assertTokenAbsent(message, "the error");
            assertTrue(github.comments().isEmpty());
            assertTrue(Files.readString(env.summaryFile()).contains("profgate attribution"));
        }
    }

    @Test
    void namesThePullRequestsOfOneCommitAsBisectDoes() throws Exception {
        try (GitHubApiMock github = pullsAndDeployments(new GitHubApiMock())) {
            GitHubEnvironment env = environment(github, tmp.resolve("bisect"));
            assertEquals(List.of(12), AttributionPublisher.pullRequestsOf(env, repo.culprit));
            assertEquals(List.of(), AttributionPublisher.pullRequestsOf(env, repo.base));
        }
    }

    private static AttributionPublisher.Result publish(GitHubEnvironment env) {
        return AttributionPublisher.publish(env, attributions, changes, "cpu", Verdict.FAIL, ENVIRONMENT);
    }

    private static GitHubApiMock pullsAndDeployments(GitHubApiMock github) {
        github.addPull(repo.ledger, 11);
        github.addPull(repo.culprit, 12);
        github.addPull(repo.comment, 13);
        github.addPull(repo.caller, 14);
        github.addDeployment(repo.base, ENVIRONMENT, "success");
        github.addDeployment(repo.ledger, ENVIRONMENT, "failure");
        return github;
    }

    private static GitHubEnvironment environment(GitHubApiMock github, Path dir) throws Exception {
        Map<String, String> env = PublishFixtures.pushEnv(github, dir);
        env.put("GITHUB_SHA", repo.caller);
        env.put("GITHUB_WORKSPACE", repo.dir.toString());
        return GitHubEnvironment.from(env);
    }
}
