package dev.profgate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prune deletes by the date in each manifest: older than N days goes, except the K newest. Baselines are saved at
 * the same instant and then dated in their manifests 40, 20, 10 and 1 days back; one has an unreadable manifest and
 * one folder is not a baseline at all.
 */
class BaselinePruneTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Map<String, Integer> AGE_DAYS = Map.of("a-40d", 40, "b-20d", 20, "c-10d", 10, "d-1d", 1);

    @TempDir
    Path tmp;

    private BaselineStore store;

    @BeforeEach
    void saveDatedBaselines() throws IOException {
        store = new BaselineStore(tmp.resolve("store"), Clock.fixed(NOW, ZoneOffset.UTC), Limits.defaults());
        Path from = StoreInputs.folder(tmp.resolve("from"), 1, false);
        for (Map.Entry<String, Integer> baseline : AGE_DAYS.entrySet()) {
            Path dir = store.save(baseline.getKey(), from, null, null, false).dir();
            String date = NOW.minus(Duration.ofDays(baseline.getValue())).toString();
            StoreInputs.editManifest(dir, m -> m.put("date", date));
        }
        Path unreadable = store.save("e-unreadable", from, null, null, false).dir();
        StoreInputs.editManifest(unreadable, m -> m.remove("date"));
        StoreInputs.folder(store.root().resolve("demo"), 1, false);
    }

    @Test
    void deletesWhatIsOlderThanTheDaysButKeepsTheNewest() {
        assertEquals(List.of("a-40d", "b-20d"), deleted(store.prune(15, 1, true)));
        assertEquals(List.of("a-40d"), deleted(store.prune(15, 3, true)));
        assertEquals(List.of(), deleted(store.prune(15, 4, true)));
        assertEquals(List.of("a-40d", "b-20d", "c-10d"), deleted(store.prune(5, 0, true)));
        assertEquals(List.of("a-40d", "b-20d", "c-10d", "d-1d"), deleted(store.prune(0, 0, true)));
        assertEquals(List.of(), deleted(store.prune(50, 0, true)));
    }

    @Test
    void aDryRunDeletesNothing() {
        store.prune(0, 0, true);
        assertEquals(List.of("a-40d", "b-20d", "c-10d", "d-1d", "e-unreadable"), store.names());
    }

    @Test
    void neverTouchesUnreadableBaselinesOrFoldersThatAreNotBaselines() {
        BaselineStore.PruneResult result = store.prune(0, 0, false);
        assertEquals(List.of("e-unreadable"), result.unreadable().stream().map(BaselineStore.Listing::name).toList());
        assertEquals(List.of("e-unreadable"), store.names());
        assertTrue(Files.isRegularFile(store.root().resolve("demo/r1.pb.gz")));
    }

    @Test
    void deletesWholeFoldersAndLeavesNoHiddenRemains() throws IOException {
        store.prune(15, 1, false);
        try (var entries = Files.list(store.root())) {
            assertEquals(List.of("c-10d", "d-1d", "demo", "e-unreadable"),
                    entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static List<String> deleted(BaselineStore.PruneResult result) {
        return result.deleted().stream().map(BaselineStore.Listing::name).sorted().toList();
    }
}
