package dev.profgate.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * GitHub's release downloads on loopback, as the action's entry script meets them: {@code
 * /OWNER/NAME/releases/download/vVERSION/FILE} answers 302 with a signed address on a second server (GitHub's asset
 * host), which answers with the file's bytes. Both count every request.
 */
final class ReleaseServer implements AutoCloseable {
    private final HttpServer github;
    private final HttpServer assets;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final String path;
    private final byte[] file;

    /** Serves {@code file} as the release asset at {@code path} ({@code /OWNER/NAME/releases/download/...}). */
    ReleaseServer(String path, byte[] file) throws IOException {
        this.path = path;
        this.file = file.clone();
        github = start(this::redirect);
        assets = start(this::asset);
    }

    /** The base address that replaces {@code https://github.com}. */
    String url() {
        return "http://127.0.0.1:" + github.getAddress().getPort();
    }

    /** Every request both servers got, as {@code METHOD PATH}, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void redirect(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals(path)) {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + assets.getAddress().getPort()
                    + "/github-production-release-asset/1234/5678?sp=r&sv=2018-11-09&sig=c2lnbmVk");
            exchange.sendResponseHeaders(302, -1);
        } else {
            byte[] notFound = "Not Found".getBytes();
            exchange.sendResponseHeaders(404, notFound.length);
            exchange.getResponseBody().write(notFound);
        }
    }

    private void asset(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, file.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(file);
        }
    }

    private HttpServer start(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            try (exchange) {
                handler.handle(exchange);
            }
        });
        server.start();
        return server;
    }

    @Override
    public void close() {
        github.stop(0);
        assets.stop(0);
    }
}
