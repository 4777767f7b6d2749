package dev.profgate.source.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on the loopback interface for the clients' tests: it records every request (method, path,
 * query, headers, body), answers each as its subclass's {@link #protocol} does, unless a test queued a one-off
 * answer (an error status, a hang, garbage) for the next requests, and checks an expected Authorization header.
 */
public abstract class FakeServer implements AutoCloseable {
    /** One request as the server saw it. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body,
                          long receivedNanos) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /**
     * Each request's body, by its exchange. Not an exchange attribute: the JDK's server keeps those in the context,
     * shared by every exchange, so concurrent requests read each other's bodies (seen: two windows of a watch run
     * answered with the same profile).
     */
    private static final Map<HttpExchange, byte[]> BODIES = new ConcurrentHashMap<>();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<HttpHandler> queued = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String requiredAuthorization;
    private volatile boolean echoAuthorization;

    FakeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body,
                    System.nanoTime()));
            BODIES.put(exchange, body);
            try {
                handle(exchange);
            } finally {
                BODIES.remove(exchange);
                exchange.close();
            }
        });
        server.start();
    }

    /** Answers a request that no queued answer took and whose credentials are right. */
    protected abstract void protocol(HttpExchange exchange) throws IOException;

    private void handle(HttpExchange exchange) throws IOException {
        HttpHandler once;
        synchronized (queued) {
            once = queued.poll();
        }
        if (once != null) {
            once.handle(exchange);
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
            String echo = echoAuthorization ? " (got " + authorization + ")" : "";
            reply(exchange, 401, "application/json", "{\"code\":\"unauthenticated\",\"message\":\"invalid credentials"
                    + echo + "\"}");
            return;
        }
        protocol(exchange);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(String pathSuffix) {
        return requests.stream().filter(r -> r.path().endsWith(pathSuffix)).toList();
    }

    /** Every request must carry this Authorization header, else 401; {@code echo} puts the wrong one in the message. */
    public void requireAuthorization(String value, boolean echo) {
        requiredAuthorization = value;
        echoAuthorization = echo;
    }

    /** Answers the next request with {@code handler} instead of the protocol. */
    public void queue(HttpHandler handler) {
        synchronized (queued) {
            queued.add(handler);
        }
    }

    /** The next request gets {@code status} with a Connect error JSON of {@code code}. */
    public void queueConnectError(int status, String code, String message) {
        queue(exchange -> reply(exchange, status, "application/json",
                "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}"));
    }

    /** The next request is never answered (until the server closes). */
    void queueHang() {
        queue(exchange -> {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        reply(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static byte[] body(HttpExchange exchange) {
        return BODIES.get(exchange);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
