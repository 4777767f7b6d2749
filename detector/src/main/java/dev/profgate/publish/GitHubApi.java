package dev.profgate.publish;

import dev.profgate.net.Network;
import dev.profgate.net.ReadTimeoutClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHDeployment;
import org.kohsuke.github.GHDeploymentState;
import org.kohsuke.github.GHDeploymentStatus;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHIssueStateReason;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorResponse;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

/**
 * The GitHub REST calls profgate makes, through hub4j github-api, against {@code GITHUB_API_URL}, over a client with
 * connect and read timeouts and the environment's CA bundle and proxies (github-api's connector follows at most 5
 * redirects and sends the token to the same host only). Rate and abuse limits fail at once instead of sleeping the
 * job away; every failure is a {@link GitHubApiException} naming the call.
 */
public final class GitHubApi {
    private static final int PAGE_SIZE = 100;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Fails at once with GitHub's response (body and headers), unlike github-api's FAIL, which drops the body. */
    private static final GitHubRateLimitHandler FAIL_ON_RATE_LIMIT = new GitHubRateLimitHandler() {
        @Override
        public void onError(GitHubConnectorResponse response) throws IOException {
            throw new HttpException(response);
        }
    };
    private static final GitHubAbuseLimitHandler FAIL_ON_SECONDARY_LIMIT = new GitHubAbuseLimitHandler() {
        @Override
        public void onError(GitHubConnectorResponse response) throws IOException {
            throw new HttpException(response);
        }
    };
    private final GHRepository repository;
    private final String repoPath;
    private final GitHubToken token;

    private GitHubApi(GHRepository repository, String repoPath, GitHubToken token) {
        this.repository = repository;
        this.repoPath = repoPath;
        this.token = token;
    }

    /** Connects as the environment's token and reads its repository ({@code GET /repos/{owner}/{repo}}). */
    public static GitHubApi connect(GitHubEnvironment env) {
        String repoPath = "/repos/" + env.repository();
        GitHubToken token = env.token();
        GHRepository repository = call("GET " + repoPath, "read the repository", token, () -> new GitHubBuilder()
                .withEndpoint(env.apiUrl()).withOAuthToken(token.reveal()).withConnector(connector(env.network()))
                .withRateLimitHandler(FAIL_ON_RATE_LIMIT).withAbuseLimitHandler(FAIL_ON_SECONDARY_LIMIT)
                .build().getRepository(env.repository()));
        return new GitHubApi(repository, repoPath, token);
    }

    /** The connector: github-api's own over {@link HttpClient}, with profgate's network settings and timeouts. */
    private static GitHubConnector connector(Network network) {
        return new HttpClientGitHubConnector(new ReadTimeoutClient(network.client(CONNECT_TIMEOUT).build(),
                network.readTimeout()));
    }

    /** The pull request's conversation ({@code GET /repos/{owner}/{repo}/issues/{number}}). */
    GHIssue pullRequest(int number) {
        return call("GET " + repoPath + "/issues/" + number, "read the pull request", token,
                () -> repository.getIssue(number));
    }

    /** Every comment of {@code issue}, oldest first ({@code GET .../issues/{number}/comments}, all pages). */
    List<GHIssueComment> comments(GHIssue issue) {
        return call("GET " + repoPath + "/issues/" + issue.getNumber() + "/comments", "list the PR comments", token,
                () -> issue.listComments().withPageSize(PAGE_SIZE).toList());
    }

    /** Posts a new comment ({@code POST .../issues/{number}/comments}). */
    GHIssueComment createComment(GHIssue issue, String body) {
        return call("POST " + repoPath + "/issues/" + issue.getNumber() + "/comments", "create the PR comment", token,
                () -> issue.comment(body));
    }

    /** Replaces a comment's text ({@code PATCH .../issues/comments/{id}}). */
    void updateComment(GHIssueComment comment, String body) {
        call("PATCH " + repoPath + "/issues/comments/" + comment.getId(), "update the PR comment", token, () -> {
            comment.update(body);
            return comment;
        });
    }

    /**
     * The open issues (not pull requests) labelled {@code label}, all pages
     * ({@code GET .../issues?state=open&labels=}).
     */
    public List<GHIssue> openIssues(String label) {
        return call("GET " + repoPath + "/issues", "list the open issues labelled " + label, token,
                () -> repository.queryIssues().state(GHIssueState.OPEN).label(label).pageSize(PAGE_SIZE).list()
                        .toList().stream().filter(issue -> !issue.isPullRequest()).toList());
    }

    /** Opens an issue labelled {@code label} ({@code POST .../issues}). */
    public GHIssue createIssue(String title, String body, String label) {
        return call("POST " + repoPath + "/issues", "create the issue", token,
                () -> repository.createIssue(title).body(body).label(label).create());
    }

    /** Replaces an issue's text ({@code PATCH .../issues/{number}}). */
    public void updateIssue(GHIssue issue, String body) {
        call("PATCH " + repoPath + "/issues/" + issue.getNumber(), "update the issue", token, () -> {
            issue.setBody(body);
            return issue;
        });
    }

    /**
     * Comments on an issue and closes it as completed ({@code POST .../issues/{number}/comments}, then
     * {@code PATCH .../issues/{number}}).
     */
    public void closeIssue(GHIssue issue, String comment) {
        call("POST " + repoPath + "/issues/" + issue.getNumber() + "/comments", "comment on the issue", token,
                () -> issue.comment(comment));
        call("PATCH " + repoPath + "/issues/" + issue.getNumber(), "close the issue", token, () -> {
            issue.close(GHIssueStateReason.COMPLETED);
            return issue;
        });
    }

    /** A check run builder for {@code name} on {@code headSha}. */
    GHCheckRunBuilder checkRun(String name, String headSha) {
        return repository.createCheckRun(name, headSha);
    }

    /**
     * Creates the check run ({@code POST .../check-runs}); github-api sends annotations beyond the first 50 in
     * further {@code PATCH .../check-runs/{id}} calls of 50 each.
     */
    GHCheckRun createCheckRun(GHCheckRunBuilder builder) {
        return call("POST " + repoPath + "/check-runs", "create the check run", token, builder::create);
    }

    /**
     * The numbers of the pull requests that brought commit {@code sha} ({@code GET .../commits/{sha}}, then
     * {@code GET .../commits/{sha}/pulls}).
     */
    public List<Integer> pullRequestsOf(String sha) {
        return call("GET " + repoPath + "/commits/" + sha + "/pulls", "find the commit's pull requests", token,
                () -> repository.getCommit(sha).listPullRequests().withPageSize(PAGE_SIZE).toList().stream()
                        .map(GHPullRequest::getNumber).toList());
    }

    /** The deployments to {@code environment}, newest first ({@code GET .../deployments?environment=}). */
    public List<GHDeployment> deployments(String environment) {
        return call("GET " + repoPath + "/deployments", "list the deployments of " + environment, token,
                () -> repository.listDeployments(null, null, null, environment).withPageSize(PAGE_SIZE).toList());
    }

    /** True when the newest status of {@code deployment} is success ({@code GET .../deployments/{id}/statuses}). */
    public boolean succeeded(GHDeployment deployment) {
        List<GHDeploymentStatus> statuses = call("GET " + repoPath + "/deployments/" + deployment.getId()
                + "/statuses", "read the deployment's statuses", token,
                () -> deployment.listStatuses().withPageSize(PAGE_SIZE).toList());
        return !statuses.isEmpty() && statuses.get(0).getState() == GHDeploymentState.SUCCESS;
    }

    /** Adds a status to {@code deployment} ({@code POST .../deployments/{id}/statuses}). */
    public void createDeploymentStatus(GHDeployment deployment, GHDeploymentState state, String description, String logUrl) {
        call("POST " + repoPath + "/deployments/" + deployment.getId() + "/statuses", "post the deployment status",
                token, () -> {
                    var builder = deployment.createStatus(state).description(description).autoInactive(false);
                    return (logUrl == null ? builder : builder.logUrl(logUrl)).create();
                });
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(String request, String purpose, GitHubToken token, Call<T> call) {
        String described = request + " (" + purpose + ")";
        try {
            return call.run();
        } catch (IOException e) {
            throw GitHubApiException.of(described, e, token);
        } catch (GHException e) {
            throw GitHubApiException.of(described, e.getCause() instanceof IOException io ? io
                    : new IOException(e.getMessage(), e), token);
        }
    }
}
