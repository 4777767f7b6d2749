package dev.profgate.source.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.proto.ParcaQuery.QueryRequest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Parca client against a loopback server answering gRPC-Web as Parca's HTTP port does. */
class ParcaClientTest {
    static final String AGENT = "parca_agent:samples:count:cpu:nanoseconds:delta";
    private static final ProfileStore STORE = new ProfileStore();
    private final LabelSelector pods = LabelSelector.parse("{namespace=\"prod\", pod=~\"payments-api-.*\"}", "test");
    private FakeParca server;

    @BeforeAll
    static void record() {
        Deploys.scrape(STORE, AGENT, Map.of("namespace", "prod", "pod", "payments-api-7d9f", "comm", "payments"),
                RecordedProfiles.V1, -20, 0, 1);
        Deploys.scrape(STORE, AGENT, Map.of("namespace", "prod", "pod", "payments-api-8c2a", "comm", "payments"),
                RecordedProfiles.V2, 0, 20, 2);
        Deploys.scrape(STORE, AGENT, Map.of("namespace", "kube-system", "pod", "coredns-1", "comm", "coredns"),
                RecordedProfiles.V1, -20, 20, 3);
    }

    @BeforeEach
    void start() {
        server = new FakeParca(STORE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ParcaClient client() {
        return new ParcaClient(Deploys.endpoint(server.uri(), Credentials.NONE, ""));
    }

    @Test
    void queryIsAMergeToPprofInAGrpcWebFrame() throws Exception {
        TimeRange range = Deploys.minutes(-10, 0);
        Profile profile = client().fetch(AGENT, pods, range, "base");
        FakeServer.Request request = server.requests("/Query").get(0);
        assertEquals("/parca.query.v1alpha1.QueryService/Query", request.path());
        assertEquals("application/grpc-web+proto", request.header("Content-Type"));
        byte[] body = request.body();
        assertEquals(0, body[0], "uncompressed data frame");
        assertEquals(body.length - 5, ByteBuffer.wrap(body, 1, 4).getInt());
        QueryRequest sent = QueryRequest.parseFrom(Arrays.copyOfRange(body, 5, body.length));
        assertEquals(QueryRequest.Mode.MODE_MERGE, sent.getMode());
        assertEquals(QueryRequest.ReportType.REPORT_TYPE_PPROF, sent.getReportType());
        assertEquals(AGENT + pods.text(), sent.getMerge().getQuery());
        assertEquals(range.startMs() / 1000, sent.getMerge().getStart().getSeconds());
        assertEquals(range.endMs() / 1000, sent.getMerge().getEnd().getSeconds());
        Profile expected = STORE.select(AGENT, pods.text(), range.startMs(), range.endMs());
        PyroscopeClientTest.assertSameFunctions(expected, profile);
    }

    @Test
    void profileTypesResolveByNameOrPeriodType() {
        assertEquals(AGENT, client().profileType("parca_agent", Deploys.minutes(-10, 0)));
        assertEquals(AGENT, client().profileType("cpu", Deploys.minutes(-10, 0)));
        BadInputException e = assertThrows(BadInputException.class,
                () -> client().profileType("memory", Deploys.minutes(-10, 0)));
        assertTrue(e.getMessage().endsWith("no profile type 'memory'; available: " + AGENT), e.getMessage());
    }

    @Test
    void anUnknownLabelValueListsTheKnownOnes() {
        LabelSelector wrong = LabelSelector.parse("{namespace=\"production\"}", "test");
        BadInputException e = assertThrows(BadInputException.class,
                () -> client().checkSelector(AGENT, wrong, Deploys.minutes(-10, 0)));
        assertTrue(e.getMessage().endsWith("values of namespace: kube-system, prod"), e.getMessage());
        client().checkSelector(AGENT, pods, Deploys.minutes(-10, 0));
    }

    @Test
    void aWindowWithoutProfilesIsEmptyAndOtherErrorsAreOneLine() {
        assertEquals(0, SampleCount.of(client().fetch(AGENT, pods, Deploys.minutes(-60, -50), "old")));
        server.queue(exchange -> FakeParca.status(exchange, 16, "missing bearer token"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> client().fetch(AGENT, pods, Deploys.minutes(-10, 0), "base"));
        assertTrue(e.getMessage().startsWith("parca " + server.uri() + " Query MERGE " + AGENT), e.getMessage());
        assertTrue(e.getMessage().endsWith("unauthenticated (HTTP 200): missing bearer token (check the token or user "
                + "and password)"), e.getMessage());
    }

    @Test
    void aTruncatedFrameIsAnError() {
        server.queue(exchange -> FakeServer.reply(exchange, 200, GrpcWebUnary.MEDIA_TYPE, new byte[] {0, 0, 0, 9, 1, 2}));
        BadInputException e = assertThrows(BadInputException.class,
                () -> client().fetch(AGENT, pods, Deploys.minutes(-10, 0), "base"));
        assertTrue(e.getMessage().contains("truncated gRPC-Web answer"), e.getMessage());
    }
}
