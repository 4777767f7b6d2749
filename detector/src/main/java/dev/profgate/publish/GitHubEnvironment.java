package dev.profgate.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.base.BadInputException;
import dev.profgate.net.Network;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where and as whom to publish, from the variables a GitHub Actions runner sets: {@code GITHUB_API_URL} and
 * {@code GITHUB_SERVER_URL} (GitHub Enterprise; default github.com), {@code GITHUB_REPOSITORY}, the commit
 * ({@code pull_request.head.sha} of the event in {@code GITHUB_EVENT_PATH}, else {@code GITHUB_SHA}), the pull request
 * number (the event's {@code pull_request.number}; 0 when the event is not a pull request), {@code GITHUB_RUN_ID},
 * {@code GITHUB_WORKSPACE}, {@code GITHUB_STEP_SUMMARY}, {@code GITHUB_OUTPUT} and the token {@code GITHUB_TOKEN}.
 * {@code summaryFile}, {@code outputFile} and {@code runUrl} are null when not set. {@code network}: the CA bundle and
 * proxies of the same variables ({@link Network}).
 */
public record GitHubEnvironment(String apiUrl, String serverUrl, String repository, String headSha, int pullRequest,
                                String runUrl, Path workspace, Path summaryFile, Path outputFile, boolean actions,
                                GitHubToken token, Network network) {
    private static final String DEFAULT_API = "https://api.github.com";
    private static final String DEFAULT_SERVER = "https://github.com";

    /** The environment described by {@code env} (normally {@link System#getenv()}). */
    public static GitHubEnvironment from(Map<String, String> env) {
        return read(env, true);
    }

    /**
     * The environment of a run that writes to the repository rather than to a commit (a schedule, a Jenkins job):
     * {@code GITHUB_SHA} may be missing, the head commit is then empty.
     */
    public static GitHubEnvironment ofRepository(Map<String, String> env) {
        return read(env, false);
    }

    private static GitHubEnvironment read(Map<String, String> env, boolean commitRequired) {
        String repository = required(env, "GITHUB_REPOSITORY");
        if (!repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw new BadInputException("GITHUB_REPOSITORY", "'" + repository + "' is not owner/name");
        }
        String token = required(env, "GITHUB_TOKEN");
        String serverUrl = url(env, "GITHUB_SERVER_URL", DEFAULT_SERVER);
        String runId = env.get("GITHUB_RUN_ID");
        JsonNode pullRequest = pullRequestOf(env.get("GITHUB_EVENT_PATH"));
        String headSha = pullRequest.path("head").path("sha").asText("");
        return new GitHubEnvironment(url(env, "GITHUB_API_URL", DEFAULT_API), serverUrl, repository,
                !headSha.isEmpty() ? headSha : commitRequired ? required(env, "GITHUB_SHA")
                        : env.getOrDefault("GITHUB_SHA", "").trim(), pullRequest.path("number").asInt(0),
                blank(runId) ? null : serverUrl + "/" + repository + "/actions/runs/" + runId,
                Path.of(env.getOrDefault("GITHUB_WORKSPACE", "")).toAbsolutePath(), path(env, "GITHUB_STEP_SUMMARY"),
                path(env, "GITHUB_OUTPUT"), "true".equals(env.get("GITHUB_ACTIONS")), new GitHubToken(token),
                Network.of(env));
    }

    /** The web address of the repository's files at the head commit, ending in {@code /}: a file's path follows. */
    public String blobUrl() {
        return serverUrl + "/" + repository + "/blob/" + headSha + "/";
    }

    private static JsonNode pullRequestOf(String eventPath) {
        if (blank(eventPath)) {
            return new ObjectMapper().createObjectNode();
        }
        try {
            return new ObjectMapper().readTree(Path.of(eventPath).toFile()).path("pull_request");
        } catch (IOException e) {
            throw new BadInputException(eventPath, "cannot read the GitHub event (GITHUB_EVENT_PATH): "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (blank(value)) {
            throw new BadInputException(name, "not set; publishing to GitHub runs in GitHub Actions"
                    + (name.equals("GITHUB_TOKEN") ? " with the workflow token in the step's env (GITHUB_TOKEN: "
                    + "${{ github.token }})" : ", which sets it"));
        }
        return value.trim();
    }

    private static String url(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        if (blank(value)) {
            return fallback;
        }
        String trimmed = value.trim().replaceAll("/+$", "");
        if (!isHttpUrl(trimmed)) {
            throw new BadInputException(name, "'" + value + "' is not an http(s) URL");
        }
        return trimmed;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Path path(Map<String, String> env, String name) {
        String value = env.get(name);
        return blank(value) ? null : Path.of(value);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
