package dev.profgate.source.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import dev.profgate.model.Dictionary;
import dev.profgate.model.FunctionTotals;
import dev.profgate.model.Profile;
import dev.profgate.net.EnvironmentProxy;
import dev.profgate.net.Network;
import dev.profgate.source.remote.proto.PyroscopeQuerier.SelectMergeProfileRequest;
import dev.profgate.source.remote.proto.PyroscopeTypes.LabelValuesRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Pyroscope client against a loopback server speaking Pyroscope's Connect API and its legacy render API. */
public class PyroscopeClientTest {
    private static final ProfileStore STORE = new ProfileStore();
    private final LabelSelector selector = LabelSelector.parse(Deploys.SELECTOR, "test");
    private FakePyroscope server;

    @BeforeAll
    static void record() {
        Deploys.around(STORE, RecordedProfiles.V2);
    }

    @BeforeEach
    void start() {
        server = new FakePyroscope(STORE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PyroscopeClient client() {
        return new PyroscopeClient(Deploys.endpoint(server.uri(), Credentials.NONE, ""));
    }

    @Test
    void selectMergeProfileSendsTheTypeSelectorAndMillisecondsAsConnectProtobuf() throws IOException {
        TimeRange range = Deploys.minutes(-30, 0);
        Profile profile = client().fetch(Deploys.CPU, selector, range, "base");
        FakeServer.Request request = server.requests("/SelectMergeProfile").get(0);
        assertEquals("POST", request.method());
        assertEquals("/querier.v1.QuerierService/SelectMergeProfile", request.path());
        assertEquals("application/proto", request.header("Content-Type"));
        assertEquals("1", request.header("Connect-Protocol-Version"));
        assertEquals(null, request.header("X-Scope-OrgID"));
        assertEquals(null, request.header("Authorization"));
        SelectMergeProfileRequest sent = SelectMergeProfileRequest.parseFrom(request.body());
        assertEquals(Deploys.CPU, sent.getProfileTypeID());
        assertEquals(Deploys.SELECTOR, sent.getLabelSelector());
        assertEquals(range.startMs(), sent.getStart());
        assertEquals(range.endMs(), sent.getEnd());
        Profile expected = server.store.select(Deploys.CPU, Deploys.SELECTOR, range.startMs(), range.endMs());
        assertEquals(RecordedProfiles.samples(expected), RecordedProfiles.samples(profile));
        assertTrue(RecordedProfiles.samples(profile) > 1000, "30 scrapes of ~180 samples");
    }

    @Test
    void tenantAndBearerTokenAreSent() {
        server.requireAuthorization("Bearer s3cret-token", false);
        new PyroscopeClient(Deploys.endpoint(server.uri(), new Credentials("s3cret-token", null, null), "team-a"))
                .fetch(Deploys.CPU, selector, Deploys.minutes(-5, 0), "base");
        FakeServer.Request request = server.requests().get(0);
        assertEquals("team-a", request.header("X-Scope-OrgID"));
        assertEquals("Bearer s3cret-token", request.header("Authorization"));
    }

    @Test
    void basicAuthIsSentAsUserColonPasswordInBase64() {
        String expected = "Basic " + Base64.getEncoder().encodeToString("123456:glc_pw".getBytes(StandardCharsets.UTF_8));
        server.requireAuthorization(expected, false);
        Profile profile = new PyroscopeClient(Deploys.endpoint(server.uri(), new Credentials(null, "123456", "glc_pw"),
                "")).fetch(Deploys.CPU, selector, Deploys.minutes(-5, 0), "base");
        assertTrue(RecordedProfiles.samples(profile) > 0);
    }

    @Test
    void wrongCredentialsAreOneLineWithoutTheSecretEvenWhenTheServerEchoesIt() {
        server.requireAuthorization("Bearer right", true);
        BadInputException e = assertThrows(BadInputException.class, () -> new PyroscopeClient(Deploys.endpoint(
                server.uri(), new Credentials("wrong-token-123", null, null), "")).fetch(Deploys.CPU, selector,
                Deploys.minutes(-5, 0), "base"));
        assertTrue(e.getMessage().startsWith("pyroscope " + server.uri() + " SelectMergeProfile "), e.getMessage());
        assertTrue(e.getMessage().contains("unauthenticated (HTTP 401)"), e.getMessage());
        assertTrue(e.getMessage().contains("check the token"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-token-123"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(1, server.requests().size(), "401 is not retried");
    }

    @Test
    void aPasswordEchoedAloneOrInBase64IsMasked() {
        String encoded = Base64.getEncoder().encodeToString("123456:glc_pw-9f2".getBytes(StandardCharsets.UTF_8));
        server.queueConnectError(401, "unauthenticated", "refused " + encoded + " and glc_pw-9f2");
        BadInputException e = assertThrows(BadInputException.class, () -> new PyroscopeClient(Deploys.endpoint(
                server.uri(), new Credentials(null, "123456", "glc_pw-9f2"), "")).fetch(Deploys.CPU, selector,
                Deploys.minutes(-5, 0), "base"));
        assertTrue(e.getMessage().contains("refused [redacted] and [redacted]"), e.getMessage());
    }

    @Test
    void retriesOn503And429ThenSucceeds() {
        server.queueConnectError(503, "unavailable", "ingester not ready");
        server.queueConnectError(429, "resource_exhausted", "slow down");
        Profile profile = client().fetch(Deploys.CPU, selector, Deploys.minutes(-5, 0), "base");
        assertTrue(RecordedProfiles.samples(profile) > 0);
        assertEquals(3, server.requests("/SelectMergeProfile").size());
    }

    @Test
    void doesNotRetryA400() {
        server.queueConnectError(400, "invalid_argument", "parse error at line 1");
        BadInputException e = assertThrows(BadInputException.class,
                () -> client().fetch(Deploys.CPU, selector, Deploys.minutes(-5, 0), "base"));
        assertEquals(1, server.requests().size());
        assertTrue(e.getMessage().endsWith("invalid_argument (HTTP 400): parse error at line 1"), e.getMessage());
    }

    @Test
    void givesUpAfterTheAttemptsOn5xx() {
        for (int i = 0; i < 3; i++) {
            server.queueConnectError(503, "unavailable", "down");
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> client().fetch(Deploys.CPU, selector, Deploys.minutes(-5, 0), "base"));
        assertEquals(3, server.requests().size());
        assertTrue(e.getMessage().contains("unavailable (HTTP 503): down"), e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersTimesOutAfterEachAttempt() {
        server.queueHang();
        server.queueHang();
        PyroscopeClient client = new PyroscopeClient(new Endpoint(server.uri(), Credentials.NONE, "",
                Duration.ofSeconds(5), Duration.ofMillis(300), 2, Duration.ofMillis(1), Network.of(Map.of())));
        BadInputException e = assertThrows(BadInputException.class,
                () -> client.fetch(Deploys.CPU, selector, Deploys.minutes(-5, 0), "base"));
        assertTrue(e.getMessage().endsWith("no answer within 300 ms after 2 attempts"), e.getMessage());
        assertEquals(2, server.requests().size());
    }

    @Test
    void aResponseLargerThanTheLimitIsRefused() {
        server.queue(exchange -> FakeServer.reply(exchange, 200, "application/proto", new byte[4096]));
        Network small = new Network(null, EnvironmentProxy.of(Map.of()), 1000, Duration.ofSeconds(60));
        PyroscopeClient client = new PyroscopeClient(new Endpoint(server.uri(), Credentials.NONE, "",
                Duration.ofSeconds(5), Duration.ofSeconds(20), 1, Duration.ofMillis(1), small));
        BadInputException e = assertThrows(BadInputException.class,
                () -> client.fetch(Deploys.CPU, selector, Deploys.minutes(-5, 0), "base"));
        assertTrue(e.getMessage().startsWith("pyroscope " + server.uri()), e.getMessage());
        assertTrue(e.getMessage().endsWith("response larger than 1000 bytes (the limit of profgate's HTTP clients)"),
                e.getMessage());
    }

    @Test
    void anUnreachableServerIsOneLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PyroscopeClient client = new PyroscopeClient(Deploys.endpoint(URI.create("http://127.0.0.1:" + port),
                Credentials.NONE, ""));
        BadInputException e = assertThrows(BadInputException.class,
                () -> client.fetch(Deploys.CPU, selector, Deploys.minutes(-5, 0), "base"));
        assertTrue(e.getMessage().startsWith("pyroscope http://127.0.0.1:" + port + " SelectMergeProfile"));
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }

    @Test
    void garbageAndTruncatedAnswersAreOneLineErrors() {
        server.queue(exchange -> FakeServer.reply(exchange, 200, "application/proto", new byte[] {(byte) 0xff, 1, 2}));
        BadInputException garbage = assertThrows(BadInputException.class,
                () -> client().fetch(Deploys.CPU, selector, Deploys.minutes(-5, 0), "base"));
        assertTrue(garbage.getMessage().contains("SelectMergeProfile"), garbage.getMessage());
        assertTrue(garbage.getMessage().contains("the answer is not a pprof profile"), garbage.getMessage());
        byte[] whole = RecordedProfiles.rawPprof(server.store.select(Deploys.CPU, Deploys.SELECTOR,
                Deploys.minutes(-5, 0).startMs(), Deploys.minutes(-5, 0).endMs()));
        server.queue(exchange -> FakeServer.reply(exchange, 200, "application/proto",
                java.util.Arrays.copyOf(whole, whole.length / 2)));
        BadInputException truncated = assertThrows(BadInputException.class,
                () -> client().fetch(Deploys.CPU, selector, Deploys.minutes(-5, 0), "base"));
        assertTrue(truncated.getMessage().contains("the answer is not a pprof profile"), truncated.getMessage());
    }

    @Test
    void anHtmlPageInsteadOfProtobufNamesTheProblem() {
        server.queue(exchange -> FakeServer.reply(exchange, 200, "text/html", "<html>login</html>"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> client().fetch(Deploys.CPU, selector, Deploys.minutes(-5, 0), "base"));
        assertTrue(e.getMessage().contains("answered with 'text/html' instead of application/proto"), e.getMessage());
    }

    @Test
    void aWindowWithoutDataIsAnEmptyProfile() {
        Profile profile = client().fetch(Deploys.CPU, selector, Deploys.minutes(-100, -90), "base");
        assertEquals(0, SampleCount.of(profile));
    }

    @Test
    void shortTypeNamesResolveThroughProfileTypes() {
        assertEquals(Deploys.CPU, client().profileType("cpu", Deploys.minutes(-30, 30)));
        assertEquals(Deploys.CPU, client().profileType("process_cpu", Deploys.minutes(-30, 30)));
        BadInputException e = assertThrows(BadInputException.class,
                () -> client().profileType("alloc_space", Deploys.minutes(-30, 30)));
        assertTrue(e.getMessage().endsWith("no profile type 'alloc_space'; available: " + Deploys.CPU),
                e.getMessage());
    }

    @Test
    void anUnknownProfileTypeForTheServiceListsTheAvailableOnes() throws IOException {
        String heap = "memory:alloc_space:bytes:space:bytes";
        BadInputException e = assertThrows(BadInputException.class,
                () -> client().checkSelector(heap, selector, Deploys.minutes(-30, 0)));
        assertTrue(e.getMessage().endsWith("no profile type " + heap + " for service payments-api; available: "
                + Deploys.CPU), e.getMessage());
        LabelValuesRequest sent = LabelValuesRequest.parseFrom(server.requests("/LabelValues").get(0).body());
        assertEquals("__profile_type__", sent.getName());
        assertEquals(List.of(Deploys.SELECTOR), sent.getMatchersList());
        assertEquals(Deploys.minutes(-30, 0).startMs(), sent.getStart());
    }

    @Test
    void anUnknownServiceListsTheServicesWithProfiles() {
        LabelSelector other = LabelSelector.parse("{service_name=\"paymnets-api\"}", "test");
        BadInputException e = assertThrows(BadInputException.class,
                () -> client().checkSelector(Deploys.CPU, other, Deploys.minutes(-30, 0)));
        assertTrue(e.getMessage().endsWith("services with profiles: ledger, payments-api"), e.getMessage());
    }

    @Test
    void kubernetesLabelsFromEbpfAgentsSelectTheSameWay() {
        LabelSelector pods = LabelSelector.parse("{namespace=\"prod\", pod=~\"payments-api-.*\"}", "test");
        TimeRange range = Deploys.minutes(-10, 10);
        client().checkSelector(Deploys.CPU, pods, range);
        Profile byPods = client().fetch(Deploys.CPU, pods, range, "pods");
        Profile byService = client().fetch(Deploys.CPU, selector, range, "service");
        assertEquals(RecordedProfiles.samples(byService), RecordedProfiles.samples(byPods));
        Profile oldPod = client().fetch(Deploys.CPU, LabelSelector.parse("{pod=\"payments-api-7d9f\"}", "t"), range, "o");
        Profile before = client().fetch(Deploys.CPU, selector, Deploys.minutes(-10, 0), "before");
        assertEquals(RecordedProfiles.samples(before), RecordedProfiles.samples(oldPod));
    }

    @Test
    void anOlderServerIsReadThroughTheRenderApi() {
        server.legacy();
        PyroscopeClient client = client();
        TimeRange range = Deploys.minutes(-10, 0);
        client.checkSelector(Deploys.CPU, selector, range);
        Profile profile = client.fetch(Deploys.CPU, selector, range, "base");
        assertTrue(client.legacy());
        FakeServer.Request render = server.requests(PyroscopeClient.RENDER).get(0);
        assertEquals("GET", render.method());
        assertTrue(render.query().contains("query=payments-api.cpu%7B%7D"), render.query());
        assertTrue(render.query().contains("from=" + range.startMs() / 1000), render.query());
        assertTrue(render.query().contains("format=json"), render.query());
        Profile expected = server.store.select(Deploys.CPU, Deploys.SELECTOR, range.startMs(), range.endMs());
        assertSameFunctions(expected, profile);
    }

    /** Flat and cumulative sample counts per function name agree (the render API keeps names only). */
    public static void assertSameFunctions(Profile expected, Profile actual) {
        Dictionary names = new Dictionary();
        FunctionTotals want = FunctionTotals.of(expected, expected.counts(expected.header().defaultType()), names);
        FunctionTotals got = FunctionTotals.of(actual, actual.counts(actual.header().defaultType()), names);
        assertEquals(want.grandTotal(), got.grandTotal());
        for (int f = 0; f < names.size(); f++) {
            assertEquals(want.self(f), got.self(f), names.name(f));
            assertEquals(want.total(f), got.total(f), names.name(f));
        }
    }
}
