package dev.profgate.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.profgate.publish.GitHubResources.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.common.url.PathTemplate;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.profgate.publish.GitHubResources.Reply;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WireMock GitHub REST API on loopback ({@code GITHUB_API_URL} {@code http://127.0.0.1:PORT/api/v3}, as GitHub
 * Enterprise), with request and response bodies shaped as GitHub documents them. Stubs on path templates serve the
 * endpoints profgate uses, their state kept by {@link GitHubResources} through a response transformer: the repository,
 * issues (listed by state and label, opened, edited, closed), a pull request's conversation, comments (paged with a
 * {@code Link} header; created, then updated in place), check runs (created, then annotated in batches), the pull
 * requests of a commit, deployments and their statuses. Requests without
 * {@code Authorization: token <TOKEN>} get GitHub's 401, unknown paths its 404; canned failures ({@link #failWith},
 * {@link #rateLimited}, ...) are stubs that win over the endpoints. Requests are read from WireMock's journal.
 */
final class GitHubApiMock implements AutoCloseable {
    static final String TOKEN = "ghs_fAkEtOkEn0123456789abcdefXYZ";
    static final String OWNER = "acme";
    static final String REPO = "payments";
    /** The {@code x-ratelimit-reset} of rate-limited responses, in epoch seconds. */
    static final long RATE_LIMIT_RESET = 1_795_000_000L;
    private static final String BASE = "/api/v3";
    private static final String REPOS = "/repos/" + OWNER + "/" + REPO;
    private static final String TRANSFORMER = "github-resources";
    private static final int FAILURE = 1;
    private static final int ENDPOINT = 5;
    private static final int NOT_FOUND = 9;
    private static final int UNAUTHORIZED = 10;

    /** One request from WireMock's journal, its path without the API's base. */
    record Request(String method, String path, String query, String authorization, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String call() {
            return method + " " + path;
        }
    }

    /** An endpoint's answer to a request, from its path parameters. */
    @FunctionalInterface
    private interface Endpoint {
        Reply serve(PathParams path, LoggedRequest request);
    }

    private record Route(PathTemplate template, Endpoint endpoint) {
    }

    private final Map<UUID, Route> routes = new ConcurrentHashMap<>();
    private final WireMockServer server;
    private final GitHubResources resources;

    GitHubApiMock() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .notifier(new ConsoleNotifier(false)).extensions(new Transformer()));
        server.start();
        resources = new GitHubResources(apiUrl());
        server.stubFor(any(anyUrl()).atPriority(UNAUTHORIZED)
                .willReturn(github(401, Map.of(), error(401, "Bad credentials", "rest"))));
        server.stubFor(authorized(any(anyUrl())).atPriority(NOT_FOUND)
                .willReturn(github(404, Map.of(), error(404, "Not Found", "rest"))));
        endpoints();
    }

    /** The API base address, as GITHUB_API_URL. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.port() + BASE;
    }

    /** Requests whose method and path match {@code call} ("METHOD pathRegex") fail with this response. */
    GitHubApiMock failWith(String call, int status, Map<String, String> headers, String body) {
        String[] methodAndPath = call.split(" ", 2);
        server.stubFor(authorized(request(methodAndPath[0], urlPathMatching(BASE + methodAndPath[1])))
                .atPriority(FAILURE).willReturn(github(status, headers, body)));
        return this;
    }

    /** {@code call} fails as GitHub's primary rate limit: 403, none remaining until {@link #RATE_LIMIT_RESET}. */
    GitHubApiMock rateLimited(String call) {
        return failWith(call, 403, Map.of("x-ratelimit-limit", "5000", "x-ratelimit-remaining", "0",
                "x-ratelimit-used", "5000", "x-ratelimit-reset", Long.toString(RATE_LIMIT_RESET),
                "x-ratelimit-resource", "core"), error(403, "API rate limit exceeded for installation ID 1.",
                "overview/rate-limits-for-the-rest-api"));
    }

    /** {@code call} fails as GitHub's secondary rate limit: 429 with {@code retry-after}. */
    GitHubApiMock secondaryRateLimited(String call, int retryAfterSeconds) {
        return failWith(call, 429, Map.of("retry-after", Integer.toString(retryAfterSeconds)), error(429,
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                "overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"));
    }

    /** {@code call} is refused as for a fork's read-only token: 403 "Resource not accessible by integration". */
    GitHubApiMock notAccessible(String call, String docs) {
        return failWith(call, 403, Map.of(), error(403, "Resource not accessible by integration", docs));
    }

    /** {@code call} fails with 422 "Validation Failed" and one error on {@code field} of {@code resource}. */
    GitHubApiMock validationFailed(String call, String resource, String field, String code, String docs) {
        var body = JSON.createObjectNode().put("message", "Validation Failed");
        body.putArray("errors").addObject().put("resource", resource).put("code", code).put("field", field);
        body.put("documentation_url", "https://docs.github.com/rest/" + docs).put("status", "422");
        return failWith(call, 422, Map.of(), body.toString());
    }

    /** Adds a comment by someone else, as if posted before. */
    void addComment(int issue, String body, String login) {
        synchronized (resources) {
            resources.addComment(issue, body, login);
        }
    }

    /** Commit {@code sha} came with pull request {@code number}. */
    void addPull(String sha, int number) {
        synchronized (resources) {
            resources.addPull(sha, number);
        }
    }

    /** A deployment of {@code sha} to {@code environment} (newer than those before), with status {@code state}. */
    long addDeployment(String sha, String environment, String state) {
        synchronized (resources) {
            return resources.addDeployment(sha, environment, state);
        }
    }

    /** The statuses of deployment {@code id}, newest first. */
    List<JsonNode> deploymentStatuses(long id) {
        synchronized (resources) {
            return resources.statuses(id).stream().map(s -> (JsonNode) s.deepCopy()).toList();
        }
    }

    List<JsonNode> comments() {
        synchronized (resources) {
            return resources.comments();
        }
    }

    /** The issues opened through the API, oldest first. */
    List<JsonNode> issues() {
        synchronized (resources) {
            return resources.issues();
        }
    }

    List<JsonNode> checkRuns() {
        synchronized (resources) {
            return resources.checkRuns();
        }
    }

    /** Every request received, oldest first. */
    List<Request> requests() {
        return journal(RequestPatternBuilder.allRequests());
    }

    /** The requests with {@code method} whose path (without the API base) matches {@code pathRegex}, oldest first. */
    List<Request> requests(String method, String pathRegex) {
        return journal(new RequestPatternBuilder(RequestMethod.fromString(method), urlPathMatching(BASE + pathRegex)));
    }

    /** Verifies against WireMock's journal that exactly {@code count} requests matched {@code pattern}. */
    void verify(int count, RequestPatternBuilder pattern) {
        server.verify(count, pattern);
    }

    /** The URL pattern of {@code pathRegex} under the API base, for {@link #verify}. */
    static UrlPathPattern api(String pathRegex) {
        return urlPathMatching(BASE + pathRegex);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** GitHub's error body. */
    static String error(int status, String message, String docs) {
        return JSON.createObjectNode().put("message", message)
                .put("documentation_url", "https://docs.github.com/rest/" + docs)
                .put("status", Integer.toString(status)).toString();
    }

    private void endpoints() {
        on("GET", "", (path, request) -> Reply.json(200, resources.repository()));
        on("GET", "/issues/{issue_number}", (path, request) -> Reply.json(200, resources.issue(number(path,
                "issue_number"))));
        on("GET", "/issues", (path, request) -> Reply.json(200, resources.issues(param(request, "state", "open"),
                param(request, "labels", null))));
        on("POST", "/issues", (path, request) -> Reply.json(201, resources.createIssue(body(request))));
        on("PATCH", "/issues/{issue_number}", (path, request) -> found(resources.updateIssue(number(path,
                "issue_number"), body(request)), "issues/issues#update-an-issue"));
        on("GET", "/issues/{issue_number}/comments", (path, request) -> resources.commentPage(number(path,
                "issue_number"), Math.min(100, query(request, "per_page", 30)), query(request, "page", 1)));
        on("POST", "/issues/{issue_number}/comments", (path, request) -> {
            JsonNode comment = resources.addComment(number(path, "issue_number"), body(request).get("body").textValue(),
                    "github-actions[bot]");
            return new Reply(201, Map.of("Location", comment.get("url").textValue()), comment.toString());
        });
        on("PATCH", "/issues/comments/{comment_id}", (path, request) -> found(resources.updateComment(id(path,
                "comment_id"), body(request).get("body").textValue()), "issues/comments#update-an-issue-comment"));
        on("POST", "/check-runs", (path, request) -> Reply.json(201, resources.createCheckRun(body(request))));
        on("PATCH", "/check-runs/{check_run_id}", (path, request) -> found(resources.updateCheckRun(
                id(path, "check_run_id"), body(request)), "checks/runs#update-a-check-run"));
        on("GET", "/commits/{ref}", (path, request) -> Reply.json(200, resources.commit(path.get("ref"))));
        on("GET", "/commits/{commit_sha}/pulls", (path, request) -> Reply.json(200,
                resources.pullsOf(path.get("commit_sha"))));
        on("GET", "/deployments", (path, request) -> {
            QueryParameter environment = request.queryParameter("environment");
            return Reply.json(200, resources.deployments(environment.isPresent() ? environment.firstValue() : null));
        });
        on("GET", "/deployments/{deployment_id}/statuses", (path, request) -> {
            List<? extends JsonNode> statuses = resources.statuses(id(path, "deployment_id"));
            return found(statuses == null ? null : JSON.createArrayNode().addAll(List.copyOf(statuses)),
                    "deployments/statuses#list-deployment-statuses");
        });
        on("POST", "/deployments/{deployment_id}/statuses", (path, request) -> {
            long deployment = id(path, "deployment_id");
            return resources.statuses(deployment) == null ? found(null, "deployments/statuses")
                    : Reply.json(201, resources.addStatus(deployment, body(request)));
        });
    }

    /** Serves {@code method} on the repository's {@code template} with {@code endpoint}. */
    private void on(String method, String template, Endpoint endpoint) {
        String path = BASE + REPOS + template;
        UUID id = server.stubFor(authorized(request(method, urlPathTemplate(path))).atPriority(ENDPOINT)
                .willReturn(aResponse().withTransformers(TRANSFORMER))).getId();
        routes.put(id, new Route(new PathTemplate(path), endpoint));
    }

    private static MappingBuilder authorized(MappingBuilder mapping) {
        return mapping.withHeader("Authorization", equalTo("token " + TOKEN));
    }

    /** A response as GitHub sends it: JSON, its media type and rate-limit headers unless {@code headers} has them. */
    private static ResponseDefinitionBuilder github(int status, Map<String, String> headers, String body) {
        Map<String, String> all = new HashMap<>(Map.of("Content-Type", "application/json; charset=utf-8",
                "x-github-media-type", "github.v3; format=json"));
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("x-ratelimit-remaining"))) {
            all.putAll(Map.of("x-ratelimit-limit", "5000", "x-ratelimit-remaining", "4990", "x-ratelimit-reset",
                    Long.toString(RATE_LIMIT_RESET)));
        }
        all.putAll(headers);
        ResponseDefinitionBuilder response = aResponse().withStatus(status).withBody(body);
        all.forEach(response::withHeader);
        return response;
    }

    private static Reply found(JsonNode resource, String docs) {
        return resource == null ? new Reply(404, Map.of(), error(404, "Not Found", docs)) : Reply.json(200, resource);
    }

    private List<Request> journal(RequestPatternBuilder pattern) {
        return server.findAll(pattern).stream().map(GitHubApiMock::journalled).toList();
    }

    private static Request journalled(LoggedRequest logged) {
        URI uri = URI.create(logged.getUrl());
        return new Request(logged.getMethod().getName(), uri.getPath().substring(BASE.length()), uri.getRawQuery(),
                logged.getHeader("Authorization"), logged.getBodyAsString());
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + request.getBodyAsString(), e);
        }
    }

    private static int number(PathParams path, String name) {
        return Integer.parseInt(path.get(name));
    }

    private static long id(PathParams path, String name) {
        return Long.parseLong(path.get(name));
    }

    private static String param(LoggedRequest request, String name, String fallback) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() ? parameter.firstValue() : fallback;
    }

    private static int query(LoggedRequest request, String name, int fallback) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() ? Integer.parseInt(parameter.firstValue()) : fallback;
    }

    /** Answers the endpoint stubs from {@link #resources}, one request at a time. */
    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Route route = routes.get(event.getStubMapping().getId());
            LoggedRequest request = event.getRequest();
            Reply reply;
            synchronized (resources) {
                reply = route.endpoint().serve(route.template().parse(URI.create(request.getUrl()).getPath()), request);
            }
            return github(reply.status(), reply.headers(), reply.body()).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }
}
