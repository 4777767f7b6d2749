package dev.profgate.source.remote;

import com.sun.net.httpserver.HttpExchange;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.proto.PyroscopeQuerier.ProfileTypesResponse;
import dev.profgate.source.remote.proto.PyroscopeQuerier.SelectMergeProfileRequest;
import dev.profgate.source.remote.proto.PyroscopeQuerier.SelectSeriesRequest;
import dev.profgate.source.remote.proto.PyroscopeQuerier.SelectSeriesResponse;
import dev.profgate.source.remote.proto.PyroscopeTypes.LabelPair;
import dev.profgate.source.remote.proto.PyroscopeTypes.LabelValuesRequest;
import dev.profgate.source.remote.proto.PyroscopeTypes.LabelValuesResponse;
import dev.profgate.source.remote.proto.PyroscopeTypes.Point;
import dev.profgate.source.remote.proto.PyroscopeTypes.ProfileType;
import dev.profgate.source.remote.proto.PyroscopeTypes.Series;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Pyroscope's query API on loopback: the Connect protocol ({@code POST /querier.v1.QuerierService/...}, binary
 * protobuf, Connect error JSON on failures) with ProfileTypes, LabelValues, SelectMergeProfile and SelectSeries
 * answered from a {@link ProfileStore}, its {@code max_query_length} check, and, in legacy mode, only the 0.x render API
 * ({@code GET /pyroscope/render?query=SERVICE.TYPE{labels}&from=&until=&format=json}).
 */
public final class FakePyroscope extends FakeServer {
    final ProfileStore store;

    public FakePyroscope(ProfileStore store) {
        this.store = store;
    }
    private volatile long maxQueryMs;
    private volatile boolean legacy;

    public void maxQueryLength(long millis) {
        maxQueryMs = millis;
    }

    /** Serve only the legacy render API: the querier procedures answer as an unknown route (Go's 404 page). */
    void legacy() {
        legacy = true;
    }

    @Override
    protected void protocol(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals(PyroscopeClient.RENDER) && legacy) {
            render(exchange);
        } else if (!path.startsWith(PyroscopeClient.QUERIER) || legacy) {
            reply(exchange, 404, "text/plain; charset=utf-8", "404 page not found\n");
        } else if (!"application/proto".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            reply(exchange, 415, null, new byte[0]);
        } else {
            querier(exchange, path.substring(PyroscopeClient.QUERIER.length()), body(exchange));
        }
    }

    private void querier(HttpExchange exchange, String method, byte[] body) throws IOException {
        switch (method) {
            case "ProfileTypes" -> {
                ProfileTypesResponse.Builder response = ProfileTypesResponse.newBuilder();
                for (String id : store.types()) {
                    String[] p = id.split(":");
                    response.addProfileTypes(ProfileType.newBuilder().setID(id).setName(p[0]).setSampleType(p[1])
                            .setSampleUnit(p[2]).setPeriodType(p[3]).setPeriodUnit(p[4]));
                }
                proto(exchange, response.build().toByteArray());
            }
            case "LabelValues" -> {
                LabelValuesRequest request = LabelValuesRequest.parseFrom(body);
                proto(exchange, LabelValuesResponse.newBuilder().addAllNames(store.values(request.getName(),
                        request.getMatchersList(), request.getStart(), request.getEnd())).build().toByteArray());
            }
            case "SelectMergeProfile" -> {
                SelectMergeProfileRequest request = SelectMergeProfileRequest.parseFrom(body);
                long length = request.getEnd() - request.getStart();
                if (maxQueryMs > 0 && length > maxQueryMs) {
                    reply(exchange, 400, "application/json", "{\"code\":\"invalid_argument\",\"message\":\"the query "
                            + "time range exceeds the limit (query length: " + length + "ms, limit: " + maxQueryMs
                            + "ms)\"}");
                    return;
                }
                Profile merged = store.select(request.getProfileTypeID(), request.getLabelSelector(),
                        request.getStart(), request.getEnd());
                proto(exchange, merged == null ? new byte[0] : RecordedProfiles.rawPprof(merged));
            }
            case "SelectSeries" -> {
                SelectSeriesRequest request = SelectSeriesRequest.parseFrom(body);
                SelectSeriesResponse.Builder response = SelectSeriesResponse.newBuilder();
                String label = request.getGroupBy(0);
                store.series(request.getProfileTypeID(), request.getLabelSelector(), label, request.getStart(),
                        request.getEnd(), (long) (request.getStep() * 1000)).forEach((value, points) -> {
                            Series.Builder series = Series.newBuilder();
                            if (!value.isEmpty()) {
                                series.addLabels(LabelPair.newBuilder().setName(label).setValue(value));
                            }
                            points.forEach((time, total) -> series.addPoints(Point.newBuilder().setTimestamp(time)
                                    .setValue(total)));
                            response.addSeries(series);
                        });
                proto(exchange, response.build().toByteArray());
            }
            default -> reply(exchange, 404, "application/json", "{\"code\":\"unimplemented\",\"message\":\"no "
                    + method + "\"}");
        }
    }

    private void render(HttpExchange exchange) throws IOException {
        Map<String, String> params = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        String query = params.get("query");
        int brace = query.indexOf('{');
        String app = query.substring(0, brace);
        String service = app.substring(0, app.lastIndexOf('.'));
        String sampleType = app.substring(app.lastIndexOf('.') + 1);
        String labels = query.substring(brace + 1, query.length() - 1);
        String selector = "{service_name=\"" + service + "\"" + (labels.isBlank() ? "" : ", " + labels) + "}";
        String type = store.types().stream().filter(t -> t.split(":")[1].equals(sampleType)).findFirst().orElse("");
        Profile merged = store.select(type, selector, Long.parseLong(params.get("from")) * 1000,
                Long.parseLong(params.get("until")) * 1000);
        reply(exchange, 200, "application/json", merged == null
                ? "{\"flamebearer\":{\"names\":[\"total\"],\"levels\":[[0,0,0,0]],\"numTicks\":0,\"maxSelf\":0}}"
                : Flamebearer.encode(merged, "samples"));
    }

    private static void proto(HttpExchange exchange, byte[] message) throws IOException {
        reply(exchange, 200, "application/proto", message);
    }
}
