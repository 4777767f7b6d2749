package dev.profgate.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubEnvironmentTest {
    @TempDir
    Path tmp;

    @Test
    void enterpriseUrlsAndThePullRequestComeFromTheRunnersVariables() throws IOException {
        try (GitHubApiMock github = new GitHubApiMock()) {
            Map<String, String> env = PublishFixtures.pullRequestEnv(github, tmp);
            env.put("GITHUB_API_URL", "https://ghe.example.com/api/v3/");
            env.put("GITHUB_SERVER_URL", "https://ghe.example.com");
            GitHubEnvironment read = GitHubEnvironment.from(env);
            assertEquals("https://ghe.example.com/api/v3", read.apiUrl());
            assertEquals("https://ghe.example.com/acme/payments/actions/runs/555", read.runUrl());
            assertEquals(PublishFixtures.PR, read.pullRequest());
            assertEquals(PublishFixtures.HEAD_SHA, read.headSha());
            assertTrue(read.actions());
            assertFalse(read.toString().contains(GitHubApiMock.TOKEN), read.toString());
        }
    }

    @Test
    void withoutAnEventOrServerUrlsItIsAPushToGitHubDotCom() {
        GitHubEnvironment read = GitHubEnvironment.from(Map.of("GITHUB_REPOSITORY", "acme/payments",
                "GITHUB_TOKEN", "t", "GITHUB_SHA", PublishFixtures.MERGE_SHA));
        assertEquals("https://api.github.com", read.apiUrl());
        assertEquals(0, read.pullRequest());
        assertEquals(PublishFixtures.MERGE_SHA, read.headSha());
        assertEquals(null, read.runUrl());
    }

    @Test
    void missingOrMalformedVariablesAreOneLineErrors() throws IOException {
        Path badEvent = Files.writeString(tmp.resolve("event.json"), "{\"pull_request\": ");
        assertEquals("GITHUB_TOKEN: not set; publishing to GitHub runs in GitHub Actions with the workflow token in "
                + "the step's env (GITHUB_TOKEN: ${{ github.token }})", message(Map.of("GITHUB_REPOSITORY", "a/b")));
        assertEquals("GITHUB_REPOSITORY: 'payments' is not owner/name",
                message(Map.of("GITHUB_REPOSITORY", "payments", "GITHUB_TOKEN", "t")));
        assertEquals("GITHUB_API_URL: 'ftp://x' is not an http(s) URL", message(Map.of("GITHUB_REPOSITORY", "a/b",
                "GITHUB_TOKEN", "t", "GITHUB_SHA", "abc", "GITHUB_API_URL", "ftp://x")));
        String event = message(Map.of("GITHUB_REPOSITORY", "a/b", "GITHUB_TOKEN", "t", "GITHUB_SHA", "abc",
                "GITHUB_EVENT_PATH", badEvent.toString()));
        assertTrue(event.startsWith(badEvent + ": cannot read the GitHub event (GITHUB_EVENT_PATH): "), event);
        assertEquals(1, event.lines().count());
    }

    private static String message(Map<String, String> env) {
        return assertThrows(BadInputException.class, () -> GitHubEnvironment.from(env)).getMessage();
    }
}
