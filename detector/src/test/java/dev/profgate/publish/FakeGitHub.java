package dev.profgate.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub REST API on loopback, stateful for the endpoints profgate uses, with request and response bodies shaped
 * as GitHub documents them: {@code GET /repos/{o}/{r}}, {@code GET /repos/{o}/{r}/issues/{n}}, {@code GET|POST
 * /repos/{o}/{r}/issues/{n}/comments} (paged with {@code per_page}/{@code page} and a {@code Link} header),
 * {@code PATCH /repos/{o}/{r}/issues/comments/{id}}, {@code POST /repos/{o}/{r}/check-runs} and
 * {@code PATCH /repos/{o}/{r}/check-runs/{id}}. Requests without {@code Authorization: token <TOKEN>} get GitHub's
 * 401; {@link #failWith} makes matching requests fail like GitHub does. Every request is recorded.
 */
final class FakeGitHub implements AutoCloseable {
    static final String TOKEN = "ghs_fAkEtOkEn0123456789abcdefXYZ";
    static final String OWNER = "acme";
    static final String REPO = "payments";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ISSUE = Pattern.compile("/repos/acme/payments/issues/(\\d+)");
    private static final Pattern COMMENTS = Pattern.compile("/repos/acme/payments/issues/(\\d+)/comments");
    private static final Pattern COMMENT = Pattern.compile("/repos/acme/payments/issues/comments/(\\d+)");
    private static final Pattern CHECK_RUN = Pattern.compile("/repos/acme/payments/check-runs/(\\d+)");

    /** One request as received. */
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

    /** A canned failure: requests whose "METHOD path" matches {@code call} get {@code status}. */
    private record Failure(Pattern call, int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> comments = new ArrayList<>();
    private final List<ObjectNode> checkRuns = new ArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private long nextId = 1_000;

    FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API base address, as GITHUB_API_URL. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3";
    }

    /** Requests whose "METHOD /repos/..." matches {@code callRegex} fail with {@code status}, headers and body. */
    FakeGitHub failWith(String callRegex, int status, Map<String, String> headers, String body) {
        failures.add(new Failure(Pattern.compile(callRegex), status, headers, body));
        return this;
    }

    /** Adds a comment by someone else, as if posted before. */
    synchronized void addComment(int issue, String body, String login) {
        comments.add(comment(issue, body, login));
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String pathRegex) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().matches(pathRegex)).toList();
    }

    synchronized List<JsonNode> comments() {
        return List.copyOf(comments);
    }

    synchronized List<JsonNode> checkRuns() {
        return List.copyOf(checkRuns);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getPath().replaceFirst("^/api/v3", "");
            Request request = new Request(exchange.getRequestMethod(), path, uri.getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            if (!("token " + TOKEN).equals(request.authorization())) {
                send(exchange, 401, Map.of(), error("Bad credentials", "rest"));
                return;
            }
            for (Failure failure : failures) {
                if (failure.call().matcher(request.call()).matches()) {
                    send(exchange, failure.status(), failure.headers(), failure.body());
                    return;
                }
            }
            route(exchange, request);
        }
    }

    private synchronized void route(HttpExchange exchange, Request request) throws IOException {
        String path = request.path();
        String method = request.method();
        Matcher m;
        if (method.equals("GET") && path.equals("/repos/acme/payments")) {
            send(exchange, 200, Map.of(), repository().toString());
        } else if (method.equals("GET") && (m = ISSUE.matcher(path)).matches()) {
            send(exchange, 200, Map.of(), issue(Integer.parseInt(m.group(1))).toString());
        } else if (method.equals("GET") && (m = COMMENTS.matcher(path)).matches()) {
            listComments(exchange, Integer.parseInt(m.group(1)), request);
        } else if (method.equals("POST") && (m = COMMENTS.matcher(path)).matches()) {
            ObjectNode comment = comment(Integer.parseInt(m.group(1)), request.json().get("body").textValue(),
                    "github-actions[bot]");
            comments.add(comment);
            send(exchange, 201, Map.of("Location", comment.get("url").textValue()), comment.toString());
        } else if (method.equals("PATCH") && (m = COMMENT.matcher(path)).matches()) {
            updateComment(exchange, Long.parseLong(m.group(1)), request.json());
        } else if (method.equals("POST") && path.equals("/repos/acme/payments/check-runs")) {
            ObjectNode run = checkRun(request.json());
            checkRuns.add(run);
            send(exchange, 201, Map.of(), run.toString());
        } else if (method.equals("PATCH") && (m = CHECK_RUN.matcher(path)).matches()) {
            updateCheckRun(exchange, Long.parseLong(m.group(1)), request.json());
        } else {
            send(exchange, 404, Map.of(), error("Not Found", "rest"));
        }
    }

    private void listComments(HttpExchange exchange, int issue, Request request) throws IOException {
        int perPage = Math.min(100, Integer.parseInt(query(request.query(), "per_page", "30")));
        int page = Integer.parseInt(query(request.query(), "page", "1"));
        List<ObjectNode> onIssue = comments.stream().filter(c -> c.get("issue_number_for_test").asInt() == issue)
                .toList();
        ArrayNode body = JSON.createArrayNode();
        onIssue.stream().skip((long) (page - 1) * perPage).limit(perPage).map(this::withoutTestFields)
                .forEach(body::add);
        String base = apiUrl() + request.path() + "?per_page=" + perPage + "&page=";
        Map<String, String> headers = page * perPage < onIssue.size()
                ? Map.of("Link", "<" + base + (page + 1) + ">; rel=\"next\", <" + base
                + ((onIssue.size() + perPage - 1) / perPage) + ">; rel=\"last\"") : Map.of();
        send(exchange, 200, headers, body.toString());
    }

    private void updateComment(HttpExchange exchange, long id, JsonNode body) throws IOException {
        for (ObjectNode comment : comments) {
            if (comment.get("id").asLong() == id) {
                comment.put("body", body.get("body").textValue());
                comment.put("updated_at", "2026-11-26T10:05:00Z");
                send(exchange, 200, Map.of(), withoutTestFields(comment).toString());
                return;
            }
        }
        send(exchange, 404, Map.of(), error("Not Found", "issues/comments#update-an-issue-comment"));
    }

    private void updateCheckRun(HttpExchange exchange, long id, JsonNode body) throws IOException {
        for (ObjectNode run : checkRuns) {
            if (run.get("id").asLong() == id) {
                ArrayNode all = (ArrayNode) run.get("annotations_for_test");
                body.path("output").path("annotations").forEach(all::add);
                ((ObjectNode) run.get("output")).put("annotations_count", all.size());
                send(exchange, 200, Map.of(), withoutTestFields(run).toString());
                return;
            }
        }
        send(exchange, 404, Map.of(), error("Not Found", "checks/runs#update-a-check-run"));
    }

    private ObjectNode repository() {
        ObjectNode repo = JSON.createObjectNode();
        repo.put("id", 4242).put("node_id", "R_kgDOFake").put("name", REPO).put("full_name", OWNER + "/" + REPO)
                .put("private", false).put("html_url", "https://github.example/acme/payments")
                .put("url", apiUrl() + "/repos/acme/payments").put("default_branch", "main");
        repo.set("owner", user(OWNER, "Organization"));
        repo.putObject("permissions").put("admin", false).put("push", false).put("pull", true);
        return repo;
    }

    private ObjectNode issue(int number) {
        ObjectNode issue = JSON.createObjectNode();
        issue.put("id", 90_000 + number).put("number", number).put("title", "Faster payments").put("state", "open")
                .put("url", apiUrl() + "/repos/acme/payments/issues/" + number)
                .put("html_url", "https://github.example/acme/payments/pull/" + number)
                .put("comments", comments.stream().filter(c -> c.get("issue_number_for_test").asInt() == number)
                        .count()).put("created_at", "2026-11-20T09:00:00Z");
        issue.set("user", user("dev", "User"));
        issue.putObject("pull_request").put("url", apiUrl() + "/repos/acme/payments/pulls/" + number)
                .put("html_url", "https://github.example/acme/payments/pull/" + number);
        return issue;
    }

    private ObjectNode comment(int issue, String body, String login) {
        long id = nextId++;
        ObjectNode comment = JSON.createObjectNode();
        comment.put("id", id).put("node_id", "IC_" + id)
                .put("url", apiUrl() + "/repos/acme/payments/issues/comments/" + id)
                .put("html_url", "https://github.example/acme/payments/pull/" + issue + "#issuecomment-" + id)
                .put("issue_url", apiUrl() + "/repos/acme/payments/issues/" + issue).put("body", body)
                .put("created_at", "2026-11-26T10:00:00Z").put("updated_at", "2026-11-26T10:00:00Z")
                .put("author_association", "NONE").put("issue_number_for_test", issue);
        comment.set("user", user(login, "Bot"));
        return comment;
    }

    private ObjectNode checkRun(JsonNode request) {
        long id = nextId++;
        ObjectNode run = JSON.createObjectNode();
        run.put("id", id).put("node_id", "CR_" + id).put("head_sha", request.path("head_sha").asText())
                .put("external_id", "").put("url", apiUrl() + "/repos/acme/payments/check-runs/" + id)
                .put("html_url", "https://github.example/acme/payments/runs/" + id)
                .put("details_url", request.path("details_url").asText(""))
                .put("status", request.path("status").asText("queued"))
                .put("conclusion", request.path("conclusion").asText(null))
                .put("started_at", "2026-11-26T10:00:00Z").put("completed_at", request.path("completed_at").asText(null))
                .put("name", request.path("name").asText());
        JsonNode output = request.path("output");
        ArrayNode annotations = JSON.createArrayNode();
        output.path("annotations").forEach(annotations::add);
        run.putObject("output").put("title", output.path("title").asText(null))
                .put("summary", output.path("summary").asText(null)).put("text", output.path("text").asText(null))
                .put("annotations_count", annotations.size())
                .put("annotations_url", apiUrl() + "/repos/acme/payments/check-runs/" + id + "/annotations");
        run.putObject("check_suite").put("id", 5_000_000 + id);
        run.putArray("pull_requests");
        run.set("annotations_for_test", annotations);
        return run;
    }

    private ObjectNode withoutTestFields(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        copy.remove(List.of("issue_number_for_test", "annotations_for_test"));
        return copy;
    }

    private static ObjectNode user(String login, String type) {
        ObjectNode user = JSON.createObjectNode();
        user.put("login", login).put("id", Math.abs(login.hashCode())).put("type", type).put("site_admin", false);
        return user;
    }

    /** GitHub's error body. */
    static String error(String message, String docs) {
        return JSON.createObjectNode().put("message", message)
                .put("documentation_url", "https://docs.github.com/rest/" + docs).put("status", "").toString();
    }

    private static String query(String query, String name, String fallback) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return fallback;
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().add("X-GitHub-Media-Type", "github.v3; format=json");
        if (!headers.containsKey("X-RateLimit-Remaining")) {
            exchange.getResponseHeaders().add("X-RateLimit-Limit", "5000");
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "4990");
            exchange.getResponseHeaders().add("X-RateLimit-Reset", "1795000000");
        }
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
