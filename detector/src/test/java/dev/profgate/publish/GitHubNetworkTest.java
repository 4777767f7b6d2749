package dev.profgate.publish;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.profgate.net.Network;
import dev.profgate.net.SelfSignedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitHub client's network defaults: a hung server times out, TLS is verified, a configured CA is trusted. */
class GitHubNetworkTest {
    private static final String TOKEN = "ghs_networkTestToken0123456789abcdef";
    private static final String REPOSITORY = "{\"id\":1,\"name\":\"payments\",\"full_name\":\"acme/payments\","
            + "\"owner\":{\"login\":\"acme\",\"id\":2},\"private\":false,\"html_url\":\"https://github.example/acme/"
            + "payments\",\"url\":\"https://github.example/api/v3/repos/acme/payments\"}";

    @TempDir
    Path dir;

    @Test
    void aServerThatNeverAnswersTimesOutWithTheCallNamedAndNoToken() throws IOException {
        CountDownLatch released = new CountDownLatch(1);
        HttpServer hung = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hung.createContext("/", exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hung.start();
        try {
            Map<String, String> env = env("http://127.0.0.1:" + hung.getAddress().getPort());
            env.put(Network.TIMEOUT, "1s");
            GitHubApiException e = assertThrows(GitHubApiException.class,
                    () -> GitHubApi.connect(GitHubEnvironment.from(env)));
            assertTrue(e.getMessage().startsWith("GET /repos/acme/payments (read the repository): "), e.getMessage());
            assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out"), e.getMessage());
            assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        } finally {
            released.countDown();
            hung.stop(0);
        }
    }

    @Test
    void tlsIsVerifiedAndTheConfiguredCaBundleIsTrusted() throws Exception {
        AtomicInteger served = new AtomicInteger();
        try (SelfSignedServer server = new SelfSignedServer(dir, exchange -> repository(exchange, served))) {
            Map<String, String> env = env(server.uri() + "/api/v3");
            GitHubApiException refused = assertThrows(GitHubApiException.class,
                    () -> GitHubApi.connect(GitHubEnvironment.from(env)));
            assertTrue(refused.getMessage().contains("PKIX") || refused.getMessage().contains("certificat"),
                    refused.getMessage());

            assertEquals(0, served.get(), "the refused handshake sent nothing");
            env.put(Network.CA_BUNDLE, server.caBundle().toString());
            assertDoesNotThrow(() -> GitHubApi.connect(GitHubEnvironment.from(env)));
            assertEquals(1, served.get(), "the repository was read over the verified connection");
        }
    }

    private static Map<String, String> env(String apiUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_API_URL", apiUrl);
        env.put("GITHUB_REPOSITORY", "acme/payments");
        env.put("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567");
        env.put("GITHUB_TOKEN", TOKEN);
        return env;
    }

    private static void repository(HttpExchange exchange, AtomicInteger served) throws IOException {
        boolean known = exchange.getRequestURI().getPath().equals("/api/v3/repos/acme/payments");
        served.addAndGet(known ? 1 : 0);
        byte[] body = (known ? REPOSITORY : "{\"message\":\"Not Found\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(known ? 200 : 404, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
