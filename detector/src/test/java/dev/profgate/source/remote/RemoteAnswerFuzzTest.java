package dev.profgate.source.remote;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpExchange;
import dev.profgate.Fuzzing;
import dev.profgate.net.Network;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes what profgate makes of a profiling server's answers, through the real clients over loopback HTTP: Pyroscope's
 * Connect procedures (SelectMergeProfile, ProfileTypes, LabelValues), its legacy render API (after a 404 from the
 * Connect route), and Parca's gRPC-Web procedures (Query, ProfileTypes, Values). Input layout: byte 0 picks the call,
 * byte 1 the HTTP status, byte 2 the content type (its high bit adds a {@code grpc-status: 0} header), the rest is
 * the answer's body.
 */
class RemoteAnswerFuzzTest {
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost");
    private static final int[] STATUSES = {200, 200, 200, 400, 401, 404, 500, 503};
    private static final String[] MEDIA_TYPES = {ConnectUnary.MEDIA_TYPE, "application/json", GrpcWebUnary.MEDIA_TYPE,
        "application/grpc-web", "text/plain", null};
    private static final String TYPE = "process_cpu:cpu:nanoseconds:cpu:nanoseconds";
    private static final LabelSelector SELECTOR = LabelSelector.parse("{service_name=\"payments-api\"}", "fuzz");
    private static final TimeRange RANGE = new TimeRange(1_700_000_000_000L, 1_700_000_600_000L);
    private static final Answering SERVER = new Answering();
    private static final Endpoint ENDPOINT = new Endpoint(SERVER.uri(), Credentials.NONE, "", Duration.ofSeconds(10),
            Duration.ofSeconds(20), 1, Duration.ofMillis(1), Network.of(Map.of()));
    private static final ParcaClient PARCA = new ParcaClient(ENDPOINT);
    private static PyroscopeClient pyroscope = new PyroscopeClient(ENDPOINT);

    @Timeout(Fuzzing.HANG_SECONDS)
    @FuzzTest(maxDuration = Fuzzing.SHORT_PASS)
    void answer(byte[] data) {
        if (data.length < 3) {
            return;
        }
        int call = (data[0] & 0xff) % 7;
        SERVER.answer = new Answer(call == 3, STATUSES[(data[1] & 0xff) % STATUSES.length],
                MEDIA_TYPES[(data[2] & 0x7f) % MEDIA_TYPES.length], (data[2] & 0x80) != 0,
                Arrays.copyOfRange(data, 3, data.length));
        if (pyroscope.legacy()) {
            pyroscope = new PyroscopeClient(ENDPOINT); // a fresh client asks the Connect API first again
        }
        String server = call < 4 ? pyroscope.server() : PARCA.server();
        // Jazzer's request forgery detector stops every connection the test itself does not allow: only the fake server
        try (SilentCloseable loopback = BugDetectors.allowNetworkConnections(
                (host, port) -> port == SERVER.uri().getPort() && LOOPBACK_NAMES.contains(host))) {
            Fuzzing.expectResultOrInputError(server, () -> call(call));
        }
    }

    private static void call(int call) {
        switch (call) {
            case 0, 3 -> Fuzzing.use(pyroscope.fetch(TYPE, SELECTOR, RANGE, "fuzz"));
            case 1 -> pyroscope.profileType("cpu", RANGE);
            case 2 -> pyroscope.checkSelector(TYPE, SELECTOR, RANGE);
            case 4 -> Fuzzing.use(PARCA.fetch(TYPE, SELECTOR, RANGE, "fuzz"));
            case 5 -> PARCA.profileType("cpu", RANGE);
            default -> PARCA.checkSelector(TYPE, SELECTOR, RANGE);
        }
    }

    /** The answer to give: {@code legacy} answers the Connect routes 404 and the render route with the body. */
    private record Answer(boolean legacy, int status, String mediaType, boolean grpcStatusHeader, byte[] body) {
    }

    /** A loopback server answering every request with the current {@link Answer}. */
    private static final class Answering extends FakeServer {
        volatile Answer answer;

        @Override
        protected void protocol(HttpExchange exchange) throws IOException {
            Answer now = answer;
            boolean render = exchange.getRequestURI().getPath().equals(PyroscopeClient.RENDER);
            if (now.legacy && !render) {
                reply(exchange, 404, "text/plain", "404 page not found");
                return;
            }
            if (now.grpcStatusHeader) {
                exchange.getResponseHeaders().set("grpc-status", "0");
            }
            reply(exchange, now.status, now.mediaType, now.body);
        }
    }
}
