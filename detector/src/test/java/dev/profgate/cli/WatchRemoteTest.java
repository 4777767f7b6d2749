package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.TestFiles;
import dev.profgate.base.Limits;
import dev.profgate.base.Progress;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.Credentials;
import dev.profgate.source.remote.Deploys;
import dev.profgate.source.remote.FakeParca;
import dev.profgate.source.remote.FakePyroscope;
import dev.profgate.source.remote.FakeServer;
import dev.profgate.source.remote.LabelSelector;
import dev.profgate.source.remote.ProfileStore;
import dev.profgate.source.remote.PyroscopeClient;
import dev.profgate.source.remote.RecordedProfiles;
import dev.profgate.source.remote.proto.PyroscopeQuerier.SelectMergeProfileRequest;
import dev.profgate.watch.ServerSource;
import dev.profgate.watch.StepGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profgate watch} against a loopback Pyroscope: two days of hourly scrapes, each a real recorded Go run
 * ({@code recordings/go/same}), fetched one merged window per step and cached; a rerun an hour later fetches only the
 * new window; an unusable server is one line and exit 2; an Alertmanager payload is compared as deploy-check does.
 */
class WatchRemoteTest {
    private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final String SELECTOR = "{service_name=\"svc\"}";
    private static final int HOURS = 50;
    private static final ProfileStore WEEK = new ProfileStore();
    private static final ProfileStore DEPLOY = new ProfileStore();
    @TempDir
    Path dir;

    @BeforeAll
    static void record() {
        List<Profile> runs = runs("go/same");
        Random random = new Random(7);
        for (int h = 0; h < HOURS; h++) {
            WEEK.add(Map.of("service_name", "svc"), Deploys.CPU, MONDAY.plusSeconds(3600L * h + 300).toEpochMilli(),
                    runs.get(random.nextInt(runs.size())));
        }
        Deploys.around(DEPLOY, RecordedProfiles.V2);
    }

    private CliRun watch(FakePyroscope server, Instant from, Instant to, String... more) {
        List<String> args = new ArrayList<>(List.of("watch", "--url", server.uri().toString(), "--selector", SELECTOR,
                "--from", from.toString(), "--to", to.toString(), "--cache", dir.resolve("cache").toString(),
                "--out", dir.resolve("out").toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<Long> fetchedStarts(FakePyroscope server) throws IOException {
        List<Long> starts = new ArrayList<>();
        for (var request : server.requests("/SelectMergeProfile")) {
            starts.add(SelectMergeProfileRequest.parseFrom(request.body()).getStart());
        }
        return starts;
    }

    @Test
    void aRerunAnHourLaterFetchesOnlyTheNewWindow() throws IOException {
        try (FakePyroscope server = new FakePyroscope(WEEK)) {
            CliRun first = watch(server, MONDAY.plusSeconds(1800), MONDAY.plusSeconds(48 * 3600 + 1800));
            assertEquals(0, first.exit(), first.err());
            assertEquals(48, fetchedStarts(server).size(), "the steps from 00:00 (the start moved back to the hour)");
            assertTrue(first.err().contains("profgate: fetched window 48/48 ("), first.err());
            assertTrue(first.err().contains("profgate: 0 of 48 windows from the cache"), first.err());
            assertTrue(Files.readString(dir.resolve("out/report.txt")).contains("svc"));

            CliRun again = watch(server, MONDAY.plusSeconds(3600 + 1800), MONDAY.plusSeconds(49 * 3600 + 1800));
            assertEquals(0, again.exit(), again.err());
            List<Long> starts = fetchedStarts(server);
            assertEquals(49, starts.size(), again.err());
            assertEquals(MONDAY.plusSeconds(48 * 3600).toEpochMilli(), starts.get(48));
            assertTrue(again.err().contains("profgate: 47 of 48 windows from the cache"), again.err());
        }
    }

    @Test
    void aChangePointIsAttributedToTheVersionTheServersLabelShowsDeployedAtItsHour() throws IOException {
        List<Profile> same = runs("go/same");
        List<Profile> regex = runs("go/regex");
        ProfileStore store = new ProfileStore();
        Random random = new Random(11);
        for (int h = 0; h < 168; h++) {
            boolean deployed = h >= 100;
            List<Profile> pool = deployed ? regex : same;
            store.add(Map.of("service_name", "svc", "service_version", deployed ? "v1.4.2" : "v1.4.1"), Deploys.CPU,
                    MONDAY.plusSeconds(3600L * h + 300).toEpochMilli(), pool.get(random.nextInt(pool.size())));
        }
        try (FakePyroscope server = new FakePyroscope(store)) {
            CliRun run = watch(server, MONDAY, MONDAY.plusSeconds(168 * 3600), "--version-label", "service_version",
                    "--format", "json");
            assertEquals(1, run.exit(), run.out());
            JsonNode point = new ObjectMapper().readTree(run.out()).path("changePoints").path(0);
            assertTrue(Math.abs(point.path("step").asInt() - 100) <= 1, point.toString());
            assertTrue(point.path("finding").path("function").asText().startsWith("regexp."), point.toString());
            assertEquals("v1.4.2", point.path("deploy").path("version").asText(), point.toString());
            assertEquals(MONDAY.plusSeconds(100 * 3600).toString(), point.path("deploy").path("at").asText());
            assertEquals(1, server.requests("/SelectSeries").size());
            JsonNode root = new ObjectMapper().readTree(run.out());
            assertEquals(1, root.path("changePoints").size(), "the collector's changes around the regex come with it, "
                    + "not as regressions of their own: " + root.path("changePoints"));
            assertTrue(point.path("related").size() > 0, point.toString());
            point.path("related").forEach(r -> assertTrue(Math.abs(r.path("step").asInt() - 100) < 12, r.toString()));
            JsonNode links = point.path("links");
            assertEquals("base window in Pyroscope", links.path(0).path("label").asText(), links.toString());
            assertEquals(server.uri().toString().replaceAll("/$", "") + "/?query="
                    + "process_cpu%3Acpu%3Ananoseconds%3Acpu%3Ananoseconds%7Bservice_name%3D%22svc%22%7D&from="
                    + MONDAY.plusSeconds(76 * 3600).getEpochSecond() + "&until="
                    + MONDAY.plusSeconds(100 * 3600).getEpochSecond(), links.path(0).path("url").asText());
            assertTrue(links.path(2).path("url").asText().contains("/comparison-diff?leftQuery="), links.toString());
            String markdown = Files.readString(dir.resolve("out/report.md"));
            assertTrue(markdown.contains("[base window in Pyroscope](<" + links.path(0).path("url").asText() + ">)"),
                    markdown);
        }
    }

    @Test
    void aWeekFromParcaFindsTheRegressionAtItsHour() throws IOException {
        String agent = "parca_agent:samples:count:cpu:nanoseconds:delta";
        List<Profile> same = runs("go/same");
        List<Profile> regex = runs("go/regex");
        ProfileStore store = new ProfileStore();
        Random random = new Random(5);
        for (int h = 0; h < 168; h++) {
            List<Profile> pool = h >= 100 ? regex : same;
            store.add(Map.of("job", "api"), agent, MONDAY.plusSeconds(3600L * h + 300).toEpochMilli(),
                    pool.get(random.nextInt(pool.size())));
        }
        try (FakeParca server = new FakeParca(store)) {
            CliRun run = CliRun.of("watch", "--backend", "parca", "--url", server.uri().toString(), "--selector",
                    "{job=\"api\"}", "--profile-type", agent, "--from", MONDAY.toString(), "--to",
                    MONDAY.plusSeconds(168 * 3600).toString(), "--no-cache", "--format", "json");
            assertEquals(1, run.exit(), run.err());
            JsonNode point = new ObjectMapper().readTree(run.out()).path("changePoints").path(0);
            assertTrue(Math.abs(point.path("step").asInt() - 100) <= 1, point.toString());
            assertTrue(point.path("finding").path("function").asText().startsWith("regexp."), point.toString());
            assertEquals(168, server.requests("/Query").size());
        }
    }

    @Test
    void aVersionLabelWithoutAServerIsOneLineAndExit2() {
        CliRun run = CliRun.of("watch", "--profiles", dir.toString(), "--version-label", "service_version");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("--version-label"), run.err());
        assertEquals(1, run.err().strip().split("\n").length, run.err());
    }

    private static List<Profile> runs(String folder) {
        return TestFiles.list(TestFiles.recordings().resolve(folder)).stream().map(ProfileFormat::read).toList();
    }

    @Test
    void aRunDeletesTheCachedWindowsOlderThanTheKeepAndBeforeItsRange() throws IOException {
        try (FakePyroscope server = new FakePyroscope(WEEK)) {
            assertEquals(0, watch(server, MONDAY, MONDAY.plusSeconds(48 * 3600)).exit());
            CliRun later = watch(server, MONDAY.plusSeconds(24 * 3600), MONDAY.plusSeconds(48 * 3600));
            assertEquals(0, later.exit(), later.err());
            assertTrue(later.err().contains("24 of 24 windows from the cache"), later.err());
            assertTrue(later.err().contains("24 window(s) that ended by " + MONDAY.plusSeconds(24 * 3600) + " deleted"), later.err());
            try (var files = Files.walk(dir.resolve("cache"))) {
                assertEquals(24, files.filter(f -> f.toString().endsWith(".pb.gz")).count());
            }
            CliRun kept = watch(server, MONDAY, MONDAY.plusSeconds(48 * 3600), "--cache-keep", "3650d");
            assertTrue(kept.err().contains("24 of 48 windows from the cache " + dir.resolve("cache")), kept.err());
            assertFalse(kept.err().contains("deleted"), kept.err());
        }
    }

    @Test
    void aRateSpacesTheWindowQueriesWhateverTheConcurrency() {
        try (FakePyroscope server = new FakePyroscope(WEEK)) {
            CliRun run = watch(server, MONDAY, MONDAY.plusSeconds(12 * 3600), "--no-cache", "--concurrency", "4",
                    "--rate", "20", "--window", "4");
            assertEquals(0, run.exit(), run.err());
            List<Long> arrivals = server.requests("/SelectMergeProfile").stream()
                    .map(FakeServer.Request::receivedNanos).sorted().toList();
            assertEquals(12, arrivals.size());
            long span = arrivals.get(11) - arrivals.get(0);
            assertTrue(span >= 11 * 50_000_000L - 30_000_000L, "12 queries at 20 a second arrived within "
                    + span / 1e6 + " ms (the sender spaces them 50 ms apart; 30 ms allowed for the first "
                    + "connection)");
            assertEquals(2, CliRun.of("watch", "--url", server.uri().toString(), "--selector", SELECTOR, "--rate",
                    "-1").exit());
        }
    }

    @Test
    void theWindowNotYetSettledIsFetchedButNotCached() {
        try (FakePyroscope server = new FakePyroscope(WEEK)) {
            Instant now = MONDAY.plusSeconds(4 * 3600).plus(ServerSource.SETTLED).minusSeconds(1);
            StepGrid grid = StepGrid.aligned(MONDAY, MONDAY.plusSeconds(4 * 3600), Duration.ofHours(1));
            ServerSource source = new ServerSource(new PyroscopeClient(Deploys.endpoint(server.uri(),
                    Credentials.NONE, "")), "", "cpu",
                    LabelSelector.parse(SELECTOR, "--selector"), 0, dir.resolve("cache"), Duration.ofDays(35), 2, 0,
                    now, null);
            Path scratch = dir.resolve("scratch");
            assertEquals(4, source.read(grid, Limits.defaults(), Progress.NONE, scratch).get(0).present());
            source.read(grid, Limits.defaults(), Progress.NONE, scratch);
            assertEquals(5, server.requests("/SelectMergeProfile").size(), "the last hour ended within "
                    + ServerSource.SETTLED + ", fetched again");
        }
    }

    @Test
    void anUnauthorisedServerIsOneLineNamingServerAndQueryAndExit2() {
        try (FakePyroscope server = new FakePyroscope(WEEK)) {
            server.requireAuthorization("Bearer right", false);
            CliRun run = watch(server, MONDAY, MONDAY.plusSeconds(48 * 3600));
            assertEquals(2, run.exit(), run.err());
            String[] lines = run.err().strip().split("\n");
            assertEquals(1, lines.length, run.err());
            assertTrue(lines[0].contains("pyroscope " + server.uri() + " ProfileTypes"), lines[0]);
            assertTrue(lines[0].contains("unauthenticated (HTTP 401)"), lines[0]);
            assertFalse(Files.exists(dir.resolve("cache")));
        }
    }

    @Test
    void anAlertmanagerPayloadIsComparedWithTheWindowBeforeIt() throws IOException {
        Path config = Files.writeString(dir.resolve("profgate.yml"), """
                fdr: 0.05
                watch:
                  alert:
                    selector: '{service_name="$service", namespace="${namespace}"}'
                """);
        Path payload = Files.writeString(dir.resolve("alert.json"), """
                {"version": "4", "status": "firing", "receiver": "profgate",
                 "alerts": [{"status": "firing", "startsAt": "%s", "endsAt": "%s",
                   "labels": {"alertname": "HighCpu", "service": "payments-api", "namespace": "prod"},
                   "annotations": {}, "fingerprint": "1a30ba71cca2921f"}],
                 "groupLabels": {"alertname": "HighCpu"}, "commonLabels": {}, "externalURL": "http://am:9093"}
                """.formatted(Deploys.DEPLOYED_AT, Deploys.DEPLOYED_AT.plusSeconds(1800)));
        try (FakePyroscope server = new FakePyroscope(DEPLOY)) {
            Path out = dir.resolve("alert-report");
            CliRun run = CliRun.of("watch", "--alert", payload.toString(), "--url", server.uri().toString(),
                    "--config", config.toString(), "--format", "json", "--out", out.toString());
            assertEquals(1, run.exit(), run.err());
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertEquals("fail", report.get("verdict").asText());
            assertTrue(report.get("findings").get(0).get("function").asText().startsWith("regexp."),
                    report.get("findings").get(0).toString());
            assertTrue(Files.isRegularFile(out.resolve("report.md")));
            assertTrue(Files.isRegularFile(out.resolve("flamegraph.html")));
            long t = Deploys.DEPLOYED_AT.toEpochMilli();
            for (var request : server.requests("/SelectMergeProfile")) {
                SelectMergeProfileRequest sent = SelectMergeProfileRequest.parseFrom(request.body());
                assertEquals("{service_name=\"payments-api\", namespace=\"prod\"}", sent.getLabelSelector());
                assertTrue(sent.getStart() >= t - 1_800_000 && sent.getEnd() <= t + 1_800_000, sent.toString());
            }
            assertEquals(12, server.requests("/SelectMergeProfile").size());

            CliRun unmapped = CliRun.of("watch", "--alert", payload.toString(), "--url", server.uri().toString(),
                    "--selector", "{service_name=\"$service\", pod=\"$pod\"}");
            assertEquals(2, unmapped.exit(), unmapped.err());
            assertTrue(unmapped.err().contains("an alert has no label 'pod'"), unmapped.err());
        }
    }
}
