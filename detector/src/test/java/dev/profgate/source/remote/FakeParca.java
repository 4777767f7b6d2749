package dev.profgate.source.remote;

import com.google.protobuf.Timestamp;
import com.sun.net.httpserver.HttpExchange;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.proto.ParcaQuery.ProfileType;
import dev.profgate.source.remote.proto.ParcaQuery.ProfileTypesResponse;
import dev.profgate.source.remote.proto.ParcaQuery.QueryRequest;
import dev.profgate.source.remote.proto.ParcaQuery.QueryResponse;
import dev.profgate.source.remote.proto.ParcaQuery.ValuesRequest;
import dev.profgate.source.remote.proto.ParcaQuery.ValuesResponse;
import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parca's query API on loopback as its server answers gRPC-Web over HTTP/1.1: {@code POST
 * /parca.query.v1alpha1.QueryService/...} with {@code application/grpc-web+proto} framed bodies, a data frame and a
 * trailer frame ({@code grpc-status}, {@code grpc-message}) in the answer; ProfileTypes, Values and Query (MERGE,
 * PPROF: gzipped pprof) answered from a {@link ProfileStore}.
 */
public final class FakeParca extends FakeServer {
    final ProfileStore store;

    public FakeParca(ProfileStore store) {
        this.store = store;
    }

    @Override
    protected void protocol(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!path.startsWith(ParcaClient.QUERY_SERVICE) || type == null || !type.startsWith("application/grpc-web")) {
            reply(exchange, 404, "text/plain", "404 page not found\n");
            return;
        }
        byte[] body = body(exchange);
        byte[] message = Arrays.copyOfRange(body, 5, 5 + ByteBuffer.wrap(body, 1, 4).getInt());
        switch (path.substring(ParcaClient.QUERY_SERVICE.length())) {
            case "ProfileTypes" -> {
                ProfileTypesResponse.Builder response = ProfileTypesResponse.newBuilder();
                for (String id : store.types()) {
                    String[] p = id.split(":");
                    response.addTypes(ProfileType.newBuilder().setName(p[0]).setSampleType(p[1]).setSampleUnit(p[2])
                            .setPeriodType(p[3]).setPeriodUnit(p[4]).setDelta(p.length > 5));
                }
                ok(exchange, response.build().toByteArray());
            }
            case "Values" -> {
                ValuesRequest request = ValuesRequest.parseFrom(message);
                ok(exchange, ValuesResponse.newBuilder().addAllLabelValues(store.values(request.getLabelName(),
                        request.getMatchList(), millis(request.getStart()), millis(request.getEnd()))).build()
                        .toByteArray());
            }
            case "Query" -> query(exchange, QueryRequest.parseFrom(message));
            default -> status(exchange, 12, "unknown method");
        }
    }

    private void query(HttpExchange exchange, QueryRequest request) throws IOException {
        if (request.getMode() != QueryRequest.Mode.MODE_MERGE
                || request.getReportType() != QueryRequest.ReportType.REPORT_TYPE_PPROF) {
            status(exchange, 3, "only MERGE to PPROF in this server");
            return;
        }
        String query = request.getMerge().getQuery();
        int brace = query.indexOf('{');
        Profile merged = store.select(query.substring(0, brace), query.substring(brace),
                millis(request.getMerge().getStart()), millis(request.getMerge().getEnd()));
        if (merged == null) {
            status(exchange, 5, "no profiles found");
            return;
        }
        ok(exchange, QueryResponse.newBuilder().setPprof(ByteString.copyFrom(RecordedProfiles.gzippedPprof(merged)))
                .build().toByteArray());
    }

    private static long millis(Timestamp t) {
        return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
    }

    static void ok(HttpExchange exchange, byte[] message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(GrpcWebUnary.frame(message));
        out.writeBytes(trailer(0, ""));
        reply(exchange, 200, GrpcWebUnary.MEDIA_TYPE, out.toByteArray());
    }

    static void status(HttpExchange exchange, int code, String message) throws IOException {
        reply(exchange, 200, GrpcWebUnary.MEDIA_TYPE, trailer(code, message));
    }

    private static byte[] trailer(int code, String message) {
        byte[] text = ("grpc-status:" + code + "\r\ngrpc-message:"
                + URLEncoder.encode(message, StandardCharsets.UTF_8).replace("+", "%20") + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + text.length).put((byte) 0x80).putInt(text.length).put(text).array();
    }
}
