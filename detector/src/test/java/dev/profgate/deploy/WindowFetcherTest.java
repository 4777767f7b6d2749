package dev.profgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.Credentials;
import dev.profgate.source.remote.Deploys;
import dev.profgate.source.remote.FakePyroscope;
import dev.profgate.source.remote.LabelSelector;
import dev.profgate.source.remote.ProfileStore;
import dev.profgate.source.remote.PyroscopeClient;
import dev.profgate.source.remote.PyroscopeClientTest;
import dev.profgate.source.remote.RecordedProfiles;
import dev.profgate.source.remote.TimeRange;
import dev.profgate.source.remote.proto.PyroscopeQuerier.SelectMergeProfileRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Windows into replicates: sub-windows, the query-length limit, too few samples, deploy-time arithmetic. */
class WindowFetcherTest {
    private static final ProfileStore STORE = new ProfileStore();
    private static final LabelSelector SERVICE = LabelSelector.parse(Deploys.SELECTOR, "test");
    private static final LabelSelector SPARSE = LabelSelector.parse("{service_name=\"sparse\"}", "test");
    private final List<String> told = new ArrayList<>();
    private FakePyroscope server;

    @BeforeAll
    static void record() {
        Deploys.around(STORE, RecordedProfiles.V1);
        Map<String, String> sparse = Map.of("service_name", "sparse");
        Deploys.scrape(STORE, sparse, RecordedProfiles.V1, -30, -25, 4);
        Deploys.scrape(STORE, sparse, RecordedProfiles.V1, -20, 0, 5);
    }

    @BeforeEach
    void start() {
        server = new FakePyroscope(STORE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchedSide fetch(LabelSelector selector, FetchPlan plan) {
        PyroscopeClient client = new PyroscopeClient(Deploys.endpoint(server.uri(), Credentials.NONE, ""));
        return new WindowFetcher(client, Deploys.CPU, plan, told::add).fetch(new WindowQuery("base", selector,
                Deploys.minutes(-30, 0)));
    }

    @Test
    void eachSubWindowFetchedIsToldAsItArrives() {
        fetch(SERVICE, new FetchPlan(3, 1, 10 * Deploys.MINUTE));
        List<TimeRange> thirds = Deploys.minutes(-30, 0).split(3);
        assertEquals(3, told.size(), told.toString());
        for (int i = 0; i < 3; i++) {
            assertTrue(told.get(i).matches("fetched base window " + (i + 1) + "/3 \\(\\Q" + thirds.get(i)
                    + "\\E, \\d+ samples\\)"), told.get(i));
        }
    }

    @Test
    void rangesLongerThanTheQueryLimitAreSplitIntoContiguousQueriesAndMerged() throws Exception {
        server.maxQueryLength(10 * Deploys.MINUTE);
        FetchedSide side = fetch(SERVICE, new FetchPlan(2, 100, 10 * Deploys.MINUTE));
        List<SelectMergeProfileRequest> sent = server.requests("/SelectMergeProfile").stream()
                .map(r -> parse(r.body())).toList();
        assertEquals(4, sent.size(), "two 15-minute sub-windows, each as 10 + 5 minutes");
        TimeRange window = Deploys.minutes(-30, 0);
        assertEquals(window.startMs(), sent.get(0).getStart());
        for (int i = 1; i < sent.size(); i++) {
            assertEquals(sent.get(i - 1).getEnd(), sent.get(i).getStart(), "contiguous");
            assertTrue(sent.get(i).getEnd() - sent.get(i).getStart() <= 10 * Deploys.MINUTE);
        }
        assertEquals(window.endMs(), sent.get(3).getEnd());
        for (int r = 0; r < 2; r++) {
            TimeRange half = window.split(2).get(r);
            Profile whole = STORE.select(Deploys.CPU, Deploys.SELECTOR, half.startMs(), half.endMs());
            PyroscopeClientTest.assertSameFunctions(whole, side.replicates().get(r));
        }
    }

    @Test
    void withoutSplittingTheServerRefusesTheRange() {
        server.maxQueryLength(10 * Deploys.MINUTE);
        BadInputException e = assertThrows(BadInputException.class, () -> fetch(SERVICE, new FetchPlan(1, 100, 0)));
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }

    @Test
    void automaticReplicatesAreTheMostSubWindowsWithEnoughSamples() {
        long perFiveMinutes = RecordedProfiles.samples(STORE.select(Deploys.CPU, Deploys.SELECTOR,
                Deploys.minutes(-30, -25).startMs(), Deploys.minutes(-30, -25).endMs()));
        assertTrue(perFiveMinutes > 800 && perFiveMinutes < 1050, "about 5 x 184 samples: " + perFiveMinutes);
        assertEquals(6, fetch(SERVICE, new FetchPlan(0, 100, 0)).replicates().size());
        FetchedSide three = fetch(SERVICE, new FetchPlan(0, 1500, 0));
        assertEquals(3, three.replicates().size());
        assertTrue(three.notes().get(0).contains("3 replicates (the most sub-windows with at least 1500 samples each)"),
                three.notes().get(0));
        FetchedSide one = fetch(SERVICE, new FetchPlan(0, 3500, 0));
        assertEquals(1, one.replicates().size());
        assertTrue(one.notes().get(0).contains("compared as one profile"), one.notes().get(0));
        BadInputException e = assertThrows(BadInputException.class, () -> fetch(SERVICE, new FetchPlan(0, 8000, 0)));
        assertTrue(e.getMessage().contains("samples in the base window " + Deploys.minutes(-30, 0)
                + ", fewer than the 8000 needed"), e.getMessage());
    }

    @Test
    void aSubWindowWithTooFewSamplesIsLeftOutAndReported() {
        FetchedSide side = fetch(SPARSE, new FetchPlan(6, 100, 0));
        assertEquals(5, side.replicates().size());
        String gap = "base 2/6 " + Deploys.minutes(-25, -20);
        assertTrue(side.replicates().stream().noneMatch(p -> p.source().equals(gap)));
        assertTrue(side.notes().contains("Left out " + gap + ": 0 samples, fewer than the 100 a replicate needs."),
                side.notes().toString());
    }

    @Test
    void anEmptyWindowIsAnErrorNamingTheServerAndQuery() {
        LabelSelector nothing = LabelSelector.parse("{service_name=\"payments-api\", pod=\"gone\"}", "test");
        BadInputException e = assertThrows(BadInputException.class, () -> fetch(nothing, new FetchPlan(0, 100, 0)));
        assertEquals("pyroscope " + server.uri() + " " + Deploys.CPU + nothing + ": no samples in the base window "
                + Deploys.minutes(-30, 0) + ", fewer than the 100 needed: widen the window or check the selector",
                e.getMessage());
    }

    @Test
    void deployWindowsLeaveOutTheRollout() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        DeployWindows windows = DeployWindows.around(t, Duration.ofMinutes(30), Duration.ofMinutes(2),
                Instant.parse("2024-05-01T11:00:00Z"));
        assertEquals(TimeRange.of(Instant.parse("2024-05-01T09:30:00Z"), t), windows.base());
        assertEquals(TimeRange.of(Instant.parse("2024-05-01T10:02:00Z"), Instant.parse("2024-05-01T10:32:00Z")),
                windows.head());
        BadInputException early = assertThrows(BadInputException.class, () -> DeployWindows.around(t,
                Duration.ofMinutes(30), Duration.ofMinutes(2), Instant.parse("2024-05-01T10:31:00Z")));
        assertTrue(early.getMessage().contains("the head window ends at 2024-05-01T10:32:00Z, after now"),
                early.getMessage());
        assertThrows(BadInputException.class, () -> DeployWindows.around(t, Duration.ZERO, Duration.ZERO, t));
        assertThrows(BadInputException.class, () -> DeployWindows.around(t, Duration.ofMinutes(1),
                Duration.ofMinutes(-1), t.plusSeconds(3600)));
    }

    @Test
    void rangesSplitAndChunkWithoutGapsOrOverlaps() {
        TimeRange range = new TimeRange(1000, 11_001);
        List<TimeRange> parts = range.split(3);
        assertEquals(List.of(new TimeRange(1000, 4333), new TimeRange(4333, 7667), new TimeRange(7667, 11_001)), parts);
        assertEquals(List.of(new TimeRange(1000, 5000), new TimeRange(5000, 9000), new TimeRange(9000, 11_001)),
                range.chunks(4000));
        assertEquals(List.of(range), range.chunks(0));
        assertThrows(BadInputException.class, () -> new TimeRange(5, 5));
    }

    private static SelectMergeProfileRequest parse(byte[] body) {
        try {
            return SelectMergeProfileRequest.parseFrom(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
