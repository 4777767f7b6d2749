package dev.profgate.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proxies of the standard environment variables, as curl and most CI tools read them: {@code HTTPS_PROXY} for
 * https URLs, {@code HTTP_PROXY} for http URLs (lower-case names too, lower case first), and {@code NO_PROXY}, a
 * comma-separated list of hosts and domain suffixes ({@code example.com} and {@code .example.com} both match
 * {@code api.example.com}; {@code *} matches all) that are reached directly. The JDK ignores these variables.
 */
public final class EnvironmentProxy extends ProxySelector {
    private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);
    private final InetSocketAddress https;
    private final InetSocketAddress http;
    private final List<String> noProxy;

    private EnvironmentProxy(InetSocketAddress https, InetSocketAddress http, List<String> noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    /** The proxies named by {@code env}. */
    public static EnvironmentProxy of(Map<String, String> env) {
        List<String> noProxy = new ArrayList<>();
        for (String entry : variable(env, "no_proxy").split(",")) {
            String host = entry.trim().toLowerCase(Locale.ROOT);
            if (!host.isEmpty()) {
                noProxy.add(host.startsWith(".") ? host.substring(1) : host);
            }
        }
        return new EnvironmentProxy(address(variable(env, "https_proxy")), address(variable(env, "http_proxy")),
                List.copyOf(noProxy));
    }

    @Override
    public List<Proxy> select(URI uri) {
        InetSocketAddress proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        if (proxy == null || uri.getHost() == null || bypassed(uri.getHost().toLowerCase(Locale.ROOT))) {
            return DIRECT;
        }
        return List.of(new Proxy(Proxy.Type.HTTP, proxy));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // the client reports the failure itself
    }

    private boolean bypassed(String host) {
        return noProxy.stream().anyMatch(n -> n.equals("*") || host.equals(n) || host.endsWith("." + n));
    }

    private static String variable(Map<String, String> env, String lowerCase) {
        String value = env.get(lowerCase);
        if (value == null || value.isBlank()) {
            value = env.get(lowerCase.toUpperCase(Locale.ROOT));
        }
        return value == null ? "" : value.trim();
    }

    /** {@code host:port} of a proxy URL such as {@code http://proxy:3128} or {@code proxy:3128}; null when empty. */
    private static InetSocketAddress address(String value) {
        if (value.isEmpty()) {
            return null;
        }
        URI uri = URI.create(value.contains("://") ? value : "http://" + value);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return InetSocketAddress.createUnresolved(uri.getHost(), port);
    }
}
