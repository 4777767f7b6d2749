package dev.profgate.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state behind {@link GitHubApiMock}'s stateful endpoints (issues, comments, check runs, pull requests of commits,
 * deployments and their statuses), rendered as GitHub's REST API documents each resource. Not thread-safe: the mock
 * serialises calls.
 */
final class GitHubResources {
    static final ObjectMapper JSON = new ObjectMapper();
    /** When the first deployment was created. */
    static final Instant FIRST_DEPLOYMENT = Instant.parse("2026-11-26T09:00:00Z");

    /** A response to send: status, extra headers, JSON body. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, JsonNode body) {
            return new Reply(status, Map.of(), body.toString());
        }
    }

    private final String repoUrl;
    private final List<ObjectNode> comments = new ArrayList<>();
    private final Map<Long, Integer> commentIssues = new HashMap<>();
    private final List<ObjectNode> checkRuns = new ArrayList<>();
    private final Map<String, List<Integer>> pulls = new HashMap<>();
    private final List<ObjectNode> deployments = new ArrayList<>();
    private final Map<Long, List<ObjectNode>> deploymentStatuses = new HashMap<>();
    private final List<ObjectNode> issues = new ArrayList<>();
    private long nextId = 1_000;
    private int nextIssue = 100;

    GitHubResources(String apiUrl) {
        this.repoUrl = apiUrl + "/repos/" + GitHubApiMock.OWNER + "/" + GitHubApiMock.REPO;
    }

    ObjectNode repository() {
        ObjectNode repo = JSON.createObjectNode();
        repo.put("id", 4242).put("node_id", "R_kgDOFake").put("name", GitHubApiMock.REPO)
                .put("full_name", GitHubApiMock.OWNER + "/" + GitHubApiMock.REPO).put("private", false)
                .put("html_url", "https://github.example/acme/payments").put("url", repoUrl)
                .put("default_branch", "main");
        repo.set("owner", user(GitHubApiMock.OWNER, "Organization"));
        repo.putObject("permissions").put("admin", false).put("push", false).put("pull", true);
        return repo;
    }

    /** A stored issue, else the pull request {@code number}'s conversation. */
    ObjectNode issue(int number) {
        for (ObjectNode issue : issues) {
            if (issue.get("number").asInt() == number) {
                return issue.put("comments", commentsOn(number).size());
            }
        }
        ObjectNode issue = JSON.createObjectNode();
        issue.put("id", 90_000 + number).put("number", number).put("title", "Faster payments").put("state", "open")
                .put("url", repoUrl + "/issues/" + number)
                .put("html_url", "https://github.example/acme/payments/pull/" + number)
                .put("comments", commentsOn(number).size()).put("created_at", "2026-11-20T09:00:00Z");
        issue.set("user", user("dev", "User"));
        issue.putObject("pull_request").put("url", repoUrl + "/pulls/" + number)
                .put("html_url", "https://github.example/acme/payments/pull/" + number);
        return issue;
    }

    /** Opens an issue from a {@code POST .../issues} request (title, body, labels). */
    ObjectNode createIssue(JsonNode request) {
        int number = nextIssue++;
        ObjectNode issue = JSON.createObjectNode();
        issue.put("id", 80_000 + number).put("node_id", "I_" + number).put("number", number)
                .put("title", request.path("title").asText()).put("body", request.path("body").asText(null))
                .put("state", "open").putNull("state_reason").put("url", repoUrl + "/issues/" + number)
                .put("html_url", "https://github.example/acme/payments/issues/" + number)
                .put("comments_url", repoUrl + "/issues/" + number + "/comments").put("comments", 0)
                .put("created_at", "2026-11-26T10:00:00Z").put("updated_at", "2026-11-26T10:00:00Z");
        issue.set("user", user("github-actions[bot]", "Bot"));
        ArrayNode labels = issue.putArray("labels");
        request.path("labels").forEach(label -> labels.addObject().put("id", Math.abs(label.asText().hashCode()))
                .put("name", label.asText()).put("url", repoUrl + "/labels/" + label.asText()).put("color", "ededed"));
        issues.add(issue);
        return issue;
    }

    /** Updates issue {@code number}'s body, title, state or state reason; null when there is no such issue. */
    ObjectNode updateIssue(int number, JsonNode request) {
        for (ObjectNode issue : issues) {
            if (issue.get("number").asInt() == number) {
                for (String field : List.of("title", "body", "state", "state_reason")) {
                    if (request.has(field)) {
                        issue.set(field, request.get(field));
                    }
                }
                return issue.put("updated_at", "2026-11-26T10:05:00Z");
            }
        }
        return null;
    }

    /** The issues in {@code state} ({@code all} for every one) carrying label {@code label} (any when null). */
    ArrayNode issues(String state, String label) {
        ArrayNode body = JSON.createArrayNode();
        issues.stream().filter(i -> state.equals("all") || i.get("state").asText().equals(state))
                .filter(i -> label == null || i.get("labels").findValuesAsText("name").contains(label))
                .forEach(body::add);
        return body;
    }

    /** Page {@code page} of the comments on {@code issue}, with GitHub's {@code Link} header when more follow. */
    Reply commentPage(int issue, int perPage, int page) {
        List<ObjectNode> onIssue = commentsOn(issue);
        ArrayNode body = JSON.createArrayNode();
        onIssue.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(body::add);
        String base = repoUrl + "/issues/" + issue + "/comments?per_page=" + perPage + "&page=";
        Map<String, String> headers = page * perPage < onIssue.size()
                ? Map.of("Link", "<" + base + (page + 1) + ">; rel=\"next\", <" + base
                + ((onIssue.size() + perPage - 1) / perPage) + ">; rel=\"last\"") : Map.of();
        return new Reply(200, headers, body.toString());
    }

    ObjectNode addComment(int issue, String body, String login) {
        long id = nextId++;
        ObjectNode comment = JSON.createObjectNode();
        comment.put("id", id).put("node_id", "IC_" + id).put("url", repoUrl + "/issues/comments/" + id)
                .put("html_url", "https://github.example/acme/payments/pull/" + issue + "#issuecomment-" + id)
                .put("issue_url", repoUrl + "/issues/" + issue).put("body", body)
                .put("created_at", "2026-11-26T10:00:00Z").put("updated_at", "2026-11-26T10:00:00Z")
                .put("author_association", "NONE");
        comment.set("user", user(login, "Bot"));
        comments.add(comment);
        commentIssues.put(id, issue);
        return comment;
    }

    /** Updates comment {@code id}'s body; null when there is no such comment. */
    ObjectNode updateComment(long id, String body) {
        for (ObjectNode comment : comments) {
            if (comment.get("id").asLong() == id) {
                return comment.put("body", body).put("updated_at", "2026-11-26T10:05:00Z");
            }
        }
        return null;
    }

    ObjectNode createCheckRun(JsonNode request) {
        long id = nextId++;
        ObjectNode run = JSON.createObjectNode();
        run.put("id", id).put("node_id", "CR_" + id).put("head_sha", request.path("head_sha").asText())
                .put("external_id", "").put("url", repoUrl + "/check-runs/" + id)
                .put("html_url", "https://github.example/acme/payments/runs/" + id)
                .put("details_url", request.path("details_url").asText(""))
                .put("status", request.path("status").asText("queued"))
                .put("conclusion", request.path("conclusion").asText(null))
                .put("started_at", "2026-11-26T10:00:00Z")
                .put("completed_at", request.path("completed_at").asText(null))
                .put("name", request.path("name").asText());
        JsonNode output = request.path("output");
        run.putObject("output").put("title", output.path("title").asText(null))
                .put("summary", output.path("summary").asText(null)).put("text", output.path("text").asText(null))
                .put("annotations_count", 0).put("annotations_url", repoUrl + "/check-runs/" + id + "/annotations");
        run.putObject("check_suite").put("id", 5_000_000 + id);
        run.putArray("pull_requests");
        checkRuns.add(run);
        return annotate(run, output);
    }

    /** Updates check run {@code id} and adds {@code request}'s annotations; null when there is no such run. */
    ObjectNode updateCheckRun(long id, JsonNode request) {
        for (ObjectNode run : checkRuns) {
            if (run.get("id").asLong() == id) {
                for (String field : List.of("status", "conclusion", "completed_at", "details_url")) {
                    if (request.has(field)) {
                        run.set(field, request.get(field));
                    }
                }
                return annotate(run, request.path("output"));
            }
        }
        return null;
    }

    ObjectNode commit(String sha) {
        ObjectNode commit = JSON.createObjectNode();
        commit.put("sha", sha).put("node_id", "C_" + sha).put("url", repoUrl + "/commits/" + sha)
                .put("html_url", "https://github.example/acme/payments/commit/" + sha);
        commit.putObject("commit").put("message", "a change").putObject("author").put("name", "dev")
                .put("email", "dev@example.com").put("date", "2026-11-25T10:00:00Z");
        commit.putArray("parents");
        commit.putArray("files");
        return commit;
    }

    void addPull(String sha, int number) {
        pulls.computeIfAbsent(sha, k -> new ArrayList<>()).add(number);
    }

    ArrayNode pullsOf(String sha) {
        ArrayNode body = JSON.createArrayNode();
        pulls.getOrDefault(sha, List.of()).forEach(n -> body.add(pull(n)));
        return body;
    }

    /** A deployment, an hour after the one before (the first at 2026-11-26T09:00:00Z). */
    long addDeployment(String sha, String environment, String state) {
        long id = nextId++;
        String created = FIRST_DEPLOYMENT.plusSeconds(3600L * deployments.size()).toString();
        ObjectNode deployment = JSON.createObjectNode();
        deployment.put("id", id).put("node_id", "DE_" + id).put("sha", sha).put("ref", "main").put("task", "deploy")
                .put("environment", environment).put("original_environment", environment).put("description", "")
                .put("url", repoUrl + "/deployments/" + id).put("statuses_url", repoUrl + "/deployments/" + id
                        + "/statuses").put("repository_url", repoUrl)
                .put("created_at", created).put("updated_at", created);
        deployment.set("creator", user("deployer", "User"));
        deployments.add(0, deployment);
        deploymentStatuses.put(id, new ArrayList<>(List.of(deploymentStatus(id, state, "deployed"))));
        return id;
    }

    /** The deployments to {@code environment} (all when null), newest first. */
    ArrayNode deployments(String environment) {
        ArrayNode body = JSON.createArrayNode();
        deployments.stream().filter(d -> environment == null || d.get("environment").textValue().equals(environment))
                .forEach(body::add);
        return body;
    }

    /** The statuses of deployment {@code id}, newest first; null when there is no such deployment. */
    List<ObjectNode> statuses(long id) {
        return deploymentStatuses.get(id);
    }

    ObjectNode addStatus(long deployment, JsonNode request) {
        ObjectNode status = deploymentStatus(deployment, request.path("state").asText(),
                request.path("description").asText(""));
        status.put("log_url", request.path("log_url").asText(""));
        deploymentStatuses.get(deployment).add(0, status);
        return status;
    }

    List<JsonNode> comments() {
        return comments.stream().map(c -> (JsonNode) c.deepCopy()).toList();
    }

    List<JsonNode> issues() {
        return issues.stream().map(i -> (JsonNode) i.deepCopy()).toList();
    }

    List<JsonNode> checkRuns() {
        return checkRuns.stream().map(r -> (JsonNode) r.deepCopy()).toList();
    }

    private List<ObjectNode> commentsOn(int issue) {
        return comments.stream().filter(c -> commentIssues.get(c.get("id").asLong()) == issue).toList();
    }

    private static ObjectNode annotate(ObjectNode run, JsonNode output) {
        ObjectNode shown = (ObjectNode) run.get("output");
        shown.put("annotations_count", shown.get("annotations_count").asInt() + output.path("annotations").size());
        return run;
    }

    private ObjectNode deploymentStatus(long deployment, String state, String description) {
        long id = nextId++;
        ObjectNode status = JSON.createObjectNode();
        status.put("id", id).put("node_id", "DES_" + id).put("state", state).put("description", description)
                .put("environment", "production").put("deployment_url", repoUrl + "/deployments/" + deployment)
                .put("url", repoUrl + "/deployments/" + deployment + "/statuses/" + id)
                .put("created_at", "2026-11-26T10:00:00Z").put("updated_at", "2026-11-26T10:00:00Z");
        status.set("creator", user("github-actions[bot]", "Bot"));
        return status;
    }

    private ObjectNode pull(int number) {
        ObjectNode pull = JSON.createObjectNode();
        pull.put("id", 70_000 + number).put("number", number).put("state", "closed").put("title", "PR " + number)
                .put("url", repoUrl + "/pulls/" + number)
                .put("html_url", "https://github.example/acme/payments/pull/" + number)
                .put("merged_at", "2026-11-25T11:00:00Z");
        pull.set("user", user("dev", "User"));
        return pull;
    }

    private static ObjectNode user(String login, String type) {
        ObjectNode user = JSON.createObjectNode();
        user.put("login", login).put("id", Math.abs(login.hashCode())).put("type", type).put("site_admin", false);
        return user;
    }
}
