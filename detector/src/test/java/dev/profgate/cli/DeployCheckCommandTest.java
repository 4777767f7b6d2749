package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.deploy.DeployCheckRun;
import dev.profgate.source.remote.Deploys;
import dev.profgate.source.remote.FakePyroscope;
import dev.profgate.source.remote.FakeServer;
import dev.profgate.source.remote.ProfileStore;
import dev.profgate.source.remote.RecordedProfiles;
import dev.profgate.source.remote.proto.PyroscopeQuerier.SelectMergeProfileRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profgate deploy-check} end to end against a loopback Pyroscope whose service compiles its regexp on every
 * call after the deploy (or stays on version 1): fetch, compare, rules, reports with links, exit codes and errors.
 */
class DeployCheckCommandTest {
    private static final ProfileStore REGRESSED = new ProfileStore();
    private static final ProfileStore UNCHANGED = new ProfileStore();
    private static final String TOKEN = "pyro-s3cret-7f2c";
    private final List<FakeServer> servers = new ArrayList<>();
    @TempDir
    Path dir;

    @BeforeAll
    static void record() {
        Deploys.around(REGRESSED, RecordedProfiles.V2);
        Deploys.around(UNCHANGED, RecordedProfiles.V1);
    }

    @AfterEach
    void stop() {
        servers.forEach(FakeServer::close);
    }

    private FakePyroscope serve(ProfileStore store) {
        FakePyroscope server = new FakePyroscope(store);
        servers.add(server);
        return server;
    }

    private CliRun check(FakePyroscope server, String... more) throws IOException {
        return check(server, dir, more);
    }

    /**
     * {@code deploy-check} of the service around {@link Deploys#DEPLOYED_AT} on {@code server}: 30-minute windows
     * 2 minutes apart, the policy file {@code profgate.yml} written into {@code dir}, then {@code more}.
     */
    static CliRun check(FakePyroscope server, Path dir, String... more) throws IOException {
        Path config = Files.writeString(dir.resolve("profgate.yml"), "fdr: 0.05\n");
        List<String> args = new ArrayList<>(List.of("deploy-check", "--url", server.uri().toString(),
                "--selector", Deploys.SELECTOR, "--deployed-at", Deploys.DEPLOYED_AT.toString(), "--window", "30m",
                "--gap", "2m", "--config", config.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theRegexCompiledPerCallAfterTheDeployFailsTheGateWithTheRegexRule() throws IOException {
        FakePyroscope server = serve(REGRESSED);
        Path out = dir.resolve("reports");
        CliRun run = check(server, "--out", out.toString(), "--format", "json", "--profile-type", "cpu",
                "--grafana-url", "http://grafana.example", "--grafana-datasource", "pyro-uid",
                "--trace-url", "http://tempo.example/search?service={service}&start={startUs}&end={endUs}");
        assertEquals(1, run.exit(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals("fail", report.get("verdict").asText());
        JsonNode regex = findingWithRule(report, "go-regexp-compile-per-call");
        assertTrue(regex.get("function").asText().startsWith("regexp."), regex.toString());
        assertEquals("fail", regex.get("severity").asText());
        assertEquals(6, report.get("base").get("replicates").asInt());
        assertEquals(6, report.get("head").get("replicates").asInt());
        List<String> labels = new ArrayList<>();
        report.get("links").forEach(l -> labels.add(l.get("label").asText()));
        assertEquals(List.of("base window in Pyroscope", "head window in Pyroscope", "base vs head diff in Pyroscope",
                "base window in Grafana Explore", "head window in Grafana Explore", "base window traces",
                "head window traces"), labels);
        String headTraces = report.get("links").get(6).get("url").asText();
        long headStartUs = Deploys.DEPLOYED_AT.plusSeconds(120).toEpochMilli() * 1000;
        assertEquals("http://tempo.example/search?service=payments-api&start=" + headStartUs + "&end="
                + (headStartUs + 30 * 60_000_000L), headTraces);
        assertTrue(report.get("links").get(0).get("url").asText().startsWith(server.uri() + "/?query="
                + "process_cpu%3Acpu%3Ananoseconds%3Acpu%3Ananoseconds%7Bservice_name%3D%22payments-api%22%7D&from="
                + Deploys.DEPLOYED_AT.minusSeconds(1800).getEpochSecond()));
        String markdown = Files.readString(out.resolve("report.md"));
        assertTrue(markdown.contains("Drill down: [base window in Pyroscope](" + server.uri() + "/?query="), markdown);
        assertTrue(Files.readString(out.resolve("report.txt")).contains("link: head window traces: " + headTraces));
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("name=\"link: base window in Pyroscope\""));
        assertTrue(Files.readString(out.resolve("flamegraph.svg")).contains("<a href=\"" + server.uri() + "/?query="));
        assertSentWindows(server);
    }

    /** Base queries lie in [T - 30m, T), head queries in [T + 2m, T + 32m), as the type resolved by ProfileTypes. */
    private static void assertSentWindows(FakePyroscope server) throws IOException {
        long t = Deploys.DEPLOYED_AT.toEpochMilli();
        List<SelectMergeProfileRequest> sent = new ArrayList<>();
        for (FakeServer.Request r : server.requests("/SelectMergeProfile")) {
            sent.add(SelectMergeProfileRequest.parseFrom(r.body()));
        }
        assertEquals(12, sent.size(), "6 sub-windows a side");
        for (SelectMergeProfileRequest r : sent) {
            assertEquals(Deploys.CPU, r.getProfileTypeID());
            assertEquals(Deploys.SELECTOR, r.getLabelSelector());
            boolean base = r.getStart() >= t - 1_800_000 && r.getEnd() <= t;
            boolean head = r.getStart() >= t + 120_000 && r.getEnd() <= t + 1_920_000;
            assertTrue(base || head, r.getStart() + "/" + r.getEnd());
        }
    }

    private static JsonNode findingWithRule(JsonNode report, String rule) {
        for (JsonNode finding : report.get("findings")) {
            for (JsonNode hit : finding.get("rules")) {
                if (hit.get("id").asText().equals(rule)) {
                    return finding;
                }
            }
        }
        throw new AssertionError("no finding with rule " + rule + " in " + report.get("findings"));
    }

    @Test
    void theSameVersionOnBothSidesPasses() throws IOException {
        CliRun run = check(serve(UNCHANGED));
        assertEquals(0, run.exit(), run.err() + run.out());
        assertTrue(run.out().startsWith("profgate  base: 6 profiles"), run.out());
        assertTrue(run.out().contains("\nPASS"), run.out());
        assertTrue(run.out().contains("note: The base side is " + Deploys.CPU + Deploys.SELECTOR), run.out());
        assertTrue(run.out().contains("note: " + DeployCheckRun.WINDOWS_NOTE), run.out());
        assertFalse(run.out().contains("profgate: fetched"), run.out());
    }

    @Test
    void eachWindowFetchedIsOneLineOnStandardError() throws IOException {
        CliRun run = check(serve(UNCHANGED));
        assertEquals(0, run.exit(), run.err() + run.out());
        for (String side : List.of("base", "head")) {
            for (int i = 1; i <= 6; i++) {
                String line = "profgate: fetched " + side + " window " + i + "/6 (";
                assertEquals(1, run.errLines().stream().filter(l -> l.startsWith(line) && l.endsWith(" samples)"))
                        .count(), run.err());
            }
        }
        assertEquals(12, run.errLines().size(), run.err());
    }

    @Test
    void serverProblemsAreOneLineAndExit2() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun unreachable = CliRun.of("deploy-check", "--url", "http://127.0.0.1:" + closedPort, "--attempts", "1",
                "--selector", Deploys.SELECTOR, "--deployed-at", Deploys.DEPLOYED_AT.toString());
        assertOneLineError(unreachable, "pyroscope http://127.0.0.1:" + closedPort + " ProfileTypes", "cannot connect");

        assertOneLineError(check(serve(REGRESSED), "--profile-type", "memory:alloc_space:bytes:space:bytes"),
                "LabelValues", "no profile type memory:alloc_space:bytes:space:bytes for service payments-api; "
                        + "available: " + Deploys.CPU);

        FakePyroscope garbage = serve(REGRESSED);
        for (int i = 0; i < 3; i++) {
            garbage.queue(exchange -> FakeServer.reply(exchange, 200, "application/proto", new byte[] {0x0a, 0x7f}));
        }
        assertOneLineError(check(garbage), "ProfileTypes", "the answer is not the expected protobuf message");

        FakePyroscope empty = serve(REGRESSED);
        String checkout = "{service_name=\"checkout\"}";
        assertOneLineError(check(empty, "--base", checkout, "--head", checkout), "LabelValues",
                "no profiles match {service_name=\"checkout\"}");
    }

    @Test
    void theTokenNeverAppearsInOutputOrReports() throws IOException {
        Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        FakePyroscope wrong = serve(REGRESSED);
        wrong.requireAuthorization("Bearer other", true);
        CliRun refused = check(wrong, "--token-file", tokenFile.toString());
        assertOneLineError(refused, "ProfileTypes", "unauthenticated (HTTP 401)");
        assertFalse(refused.err().contains(TOKEN), refused.err());

        FakePyroscope right = serve(REGRESSED);
        right.requireAuthorization("Bearer " + TOKEN, false);
        Path out = dir.resolve("with-token");
        CliRun run = check(right, "--token-file", tokenFile.toString(), "--tenant", "team-a", "--out", out.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(right.requests().stream().allMatch(r -> "team-a".equals(r.header("X-Scope-OrgID"))));
        assertFalse(run.out().contains(TOKEN) || run.err().contains(TOKEN));
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                assertFalse(Files.readString(file).contains(TOKEN), file.toString());
            }
        }
    }

    @Test
    void usageProblemsExit2() {
        assertOneLineError(CliRun.of("deploy-check", "--url", "http://127.0.0.1:1", "--selector", "service=x",
                "--deployed-at", "2024-05-01T10:00:00Z"), "--base", "not a label selector");
        assertOneLineError(CliRun.of("deploy-check", "--url", "http://127.0.0.1:1", "--selector", Deploys.SELECTOR,
                "--deployed-at", "yesterday"), "--deployed-at", "not a time");
        assertOneLineError(CliRun.of("deploy-check", "--selector", Deploys.SELECTOR, "--deployed-at", "now-1h"),
                "--url", "give the server's URL");
    }

    @Test
    void githubPublishingNeedsTheReportFolder() {
        CliRun run = CliRun.of("deploy-check", "--url", "http://127.0.0.1:1", "--selector", Deploys.SELECTOR,
                "--deployed-at", "now-1h", "--github");
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("--github publishes the report folder: give --out DIR"), run.err());
    }

    private static void assertOneLineError(CliRun run, String input, String problem) {
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("profgate: error: "), line);
        assertTrue(line.contains(input), line);
        assertTrue(line.contains(problem), line);
    }
}
