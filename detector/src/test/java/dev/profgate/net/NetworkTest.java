package dev.profgate.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clients' network settings against real loopback servers: TLS verification, the CA bundle, proxies. */
class NetworkTest {
    @TempDir
    Path dir;

    @Test
    void aSelfSignedServerIsRefusedUnlessItsCaIsConfigured() throws Exception {
        try (SelfSignedServer server = new SelfSignedServer(dir, NetworkTest::hello)) {
            HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/hello")).build();
            HttpClient jdkTrust = Network.of(Map.of()).client(Duration.ofSeconds(10)).build();
            IOException refused = assertThrows(IOException.class,
                    () -> jdkTrust.send(request, HttpResponse.BodyHandlers.ofString()));
            assertTrue(refused instanceof SSLHandshakeException || refused.getCause() instanceof SSLHandshakeException,
                    refused.toString());

            HttpClient bundle = Network.of(Map.of(Network.CA_BUNDLE, server.caBundle().toString()))
                    .client(Duration.ofSeconds(10)).build();
            assertEquals("hello", bundle.send(request, HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    @Test
    void aCaBundleThatIsNotOneIsAClearError() throws IOException {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Network.of(Map.of(Network.CA_BUNDLE, notPem.toString())).client(Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith(Network.CA_BUNDLE + " " + notPem + ": not a PEM or DER certificate"),
                e.getMessage());
        BadInputException missing = assertThrows(BadInputException.class, () -> Network.of(
                Map.of(Network.CA_BUNDLE, dir.resolve("absent.pem").toString())).client(Duration.ofSeconds(1)));
        assertTrue(missing.getMessage().contains("cannot read"), missing.getMessage());
    }

    @Test
    void httpRequestsGoThroughHttpProxyExceptForNoProxyHosts() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host " + exchange
                    .getRequestHeaders().getFirst("Host"));
            hello(exchange);
        });
        proxy.start();
        try {
            String address = "http://127.0.0.1:" + proxy.getAddress().getPort();
            Network network = Network.of(Map.of("HTTP_PROXY", address, "no_proxy", "internal.example, .corp.test"));
            HttpClient client = network.client(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://pyroscope.example:4040/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("hello", response.body());
            assertEquals(List.of("GET http://pyroscope.example:4040/ready host pyroscope.example:4040"), seen);

            assertEquals(List.of(Proxy.NO_PROXY), network.proxy().select(URI.create("http://internal.example/x")));
            assertEquals(List.of(Proxy.NO_PROXY), network.proxy().select(URI.create("http://a.corp.test/x")));
            assertEquals(List.of(Proxy.NO_PROXY), network.proxy().select(URI.create("https://github.com/x")),
                    "no HTTPS_PROXY: https goes direct");
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void httpsProxyIsUsedForHttpsUrlsAndStarBypassesEverything() {
        EnvironmentProxy proxy = EnvironmentProxy.of(Map.of("HTTPS_PROXY", "proxy.corp:3128"));
        Proxy https = proxy.select(URI.create("https://api.github.com/repos")).get(0);
        assertEquals(Proxy.Type.HTTP, https.type());
        InetSocketAddress address = (InetSocketAddress) https.address();
        assertEquals("proxy.corp:3128", address.getHostString() + ":" + address.getPort());
        assertEquals(List.of(Proxy.NO_PROXY), proxy.select(URI.create("http://api.github.com/repos")));
        EnvironmentProxy none = EnvironmentProxy.of(Map.of("https_proxy", "http://proxy:8080", "NO_PROXY", "*"));
        assertEquals(List.of(Proxy.NO_PROXY), none.select(URI.create("https://api.github.com/repos")));
    }

    private static void hello(HttpExchange exchange) throws IOException {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
