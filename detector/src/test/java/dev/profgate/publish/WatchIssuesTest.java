package dev.profgate.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profgate.analysis.Effect;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FindingKind;
import dev.profgate.analysis.Interval;
import dev.profgate.analysis.SourceRef;
import dev.profgate.analysis.Verdict;
import dev.profgate.base.BadInputException;
import dev.profgate.watch.ChangePoint;
import dev.profgate.watch.Deploy;
import dev.profgate.watch.Deploys;
import dev.profgate.watch.Level;
import dev.profgate.watch.Series;
import dev.profgate.watch.StepGrid;
import dev.profgate.watch.WatchIssues;
import dev.profgate.watch.WatchReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch's issue per regression against the loopback GitHub, as a schedule runs it three times: the first run opens
 * the issue, the second (the change point a step later, a new level) updates it without a duplicate, the third (no
 * regression left) closes it with a comment; an issue of a service the run did not read stays open. The GitHub
 * deployments of an environment as the deploys change points are attributed to.
 */
@Timeout(60)
class WatchIssuesTest {
    private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final StepGrid WEEK = StepGrid.of(MONDAY, MONDAY.plus(Duration.ofDays(7)), Duration.ofHours(1));
    private static final String HOSTILE = "regexp.(*Regexp).<img src=x onerror=alert(1)>|@octocat`-->";
    private static final String LABEL = "profgate-watch";
    @TempDir
    Path tmp;

    @Test
    void createdThenUpdatedThenClosed() throws Exception {
        try (GitHubApiMock github = new GitHubApiMock()) {
            WatchIssues issues = new WatchIssues(environment(github), LABEL, "https://ci.example/watch", null);

            WatchIssues.Result first = issues.publish(report(List.of("checkout", "ledger"),
                    regression("checkout", HOSTILE, 100, 0.02), regression("ledger", "ledger.Post", 40, 0.01)));
            assertEquals(List.of(100, 101), first.created());
            JsonNode issue = github.issues().get(0);
            String body = issue.get("body").textValue();
            assertTrue(body.startsWith("<!-- profgate:watch service=checkout function=regexp."), body);
            assertEquals(1, body.lines().findFirst().orElseThrow().split("-->", -1).length - 1,
                    "the name cannot end the marker: " + body.lines().findFirst().orElseThrow());
            assertFalse(body.contains("<img") || body.contains("@octocat") || body.contains("|@"), body);
            assertTrue(body.contains("2026-03-06T04:00:00Z")
                    && body.contains("(<https://ci.example/watch/chart-1.svg>)")
                    && body.contains("https://github.example/acme/payments/actions/runs/555"), body);
            assertEquals(LABEL, issue.get("labels").get(0).get("name").textValue());
            assertFalse(issue.get("title").textValue().contains("@octocat"), issue.get("title").textValue());

            WatchIssues.Result second = issues.publish(report(List.of("checkout"),
                    regression("checkout", HOSTILE, 101, 0.03)));
            assertEquals(List.of(), second.created());
            assertEquals(List.of(100), second.updated());
            assertEquals(List.of(), second.closed(), "the ledger was not watched: its issue stays");
            assertEquals(2, github.issues().size(), "no duplicate");
            assertTrue(github.issues().get(0).get("body").textValue().contains("2026-03-06T05:00:00Z"));

            WatchIssues.Result rerun = issues.publish(report(List.of("checkout"),
                    regression("checkout", HOSTILE, 101, 0.03)));
            assertEquals(List.of(100), rerun.unchanged(), "same text: no edit");

            WatchIssues.Result third = issues.publish(report(List.of("checkout")));
            assertEquals(List.of(100), third.closed());
            JsonNode closed = github.issues().get(0);
            assertEquals("closed", closed.get("state").textValue());
            assertEquals("completed", closed.get("state_reason").textValue());
            assertEquals("open", github.issues().get(1).get("state").textValue());
            String comment = github.comments().get(0).get("body").textValue();
            assertTrue(github.comments().get(0).get("issue_url").textValue().endsWith("/issues/100"));
            assertTrue(comment.contains("no longer finds this change") && !comment.contains("<img"), comment);
            github.requests().forEach(r -> assertEquals("token " + GitHubApiMock.TOKEN, r.authorization()));
        }
    }

    @Test
    void apiErrorIsOneLineNamingTheCallWithoutTheToken() throws Exception {
        try (GitHubApiMock github = new GitHubApiMock()) {
            github.notAccessible("POST /repos/acme/payments/issues", "issues/issues#create-an-issue");
            WatchIssues issues = new WatchIssues(environment(github), LABEL, null, null);
            BadInputException e = assertThrows(BadInputException.class, () -> issues.publish(report(
                    List.of("checkout"), regression("checkout", "main.fraudScore", 100, 0.02))));
            String message = e.getMessage();
            assertEquals(1, message.lines().count(), message);
            assertTrue(message.startsWith("GitHub API POST /repos/acme/payments/issues (create the issue): HTTP 403")
                    && message.endsWith("(issues: write)"), message);
            GitHubErrorsTest.assertTokenAbsent(message, "the error");
        }
    }

    @Test
    void theSuccessfulDeploymentsOfAnEnvironmentAreTheDeploys() throws Exception {
        try (GitHubApiMock github = new GitHubApiMock()) {
            github.addDeployment("a".repeat(40), "production", "success");
            github.addDeployment("b".repeat(40), "production", "failure");
            github.addDeployment("c".repeat(40), "staging", "success");
            github.addDeployment("d".repeat(40), "production", "success");
            Deploys deploys = Deploys.fromGitHub(environment(github), "production");
            Instant first = GitHubResources.FIRST_DEPLOYMENT;
            assertEquals(List.of(new Deploy(first, "a".repeat(40)), new Deploy(first.plus(Duration.ofHours(3)),
                    "d".repeat(40))), deploys.all());
            assertEquals("d".repeat(40), deploys.around(first.plus(Duration.ofHours(3)), Duration.ofHours(1))
                    .orElseThrow().deploy().version());
        }
    }

    /** A scheduled run's environment without a commit (as Jenkins gives it). */
    private GitHubEnvironment environment(GitHubApiMock github) throws Exception {
        Map<String, String> env = PublishFixtures.pushEnv(github, tmp.resolve("run"));
        env.remove("GITHUB_SHA");
        return GitHubEnvironment.ofRepository(env);
    }

    private static WatchReport report(List<String> services, ChangePoint... points) {
        Verdict verdict = points.length == 0 ? Verdict.PASS : Verdict.FAIL;
        return new WatchReport("profiles/", WEEK, verdict, services, List.of(points), List.of(), List.of(), List.of(),
                List.of());
    }

    private static ChangePoint regression(String service, String function, int step, double delta) {
        Interval ci = new Interval(delta / 2, delta * 1.5);
        Finding finding = new Finding(function, FindingKind.REGRESSION, Finding.Metric.SELF_SHARE, 0.05, 0.05 + delta,
                delta, ci, new Effect(delta, ci, 1 + delta / 0.05), 1e-9, 1e-7, 1e-6, Double.NaN,
                new SourceRef("", 0), List.of(function), Verdict.FAIL);
        double[] shares = new double[WEEK.count()];
        Arrays.fill(shares, 0, step, 0.05);
        Arrays.fill(shares, step, shares.length, 0.05 + delta);
        Series series = new Series(function, "self", shares, step, new Level(0, step, 0.05, 0.049, 0.051),
                new Level(step, shares.length, 0.05 + delta, 0.049 + delta, 0.051 + delta));
        return new ChangePoint(service, step, WEEK.start(step), finding, 1e-6, List.of(), series, -1, List.of(),
                List.of());
    }
}
