package dev.profgate.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.Limits;
import dev.profgate.base.Progress;
import dev.profgate.config.Settings;
import dev.profgate.source.BaselineStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watch over the baseline history: a baseline saved by CI every hour of a week, each at its manifest's date. */
class WatchStoreTest {
    @TempDir
    Path temp;

    @Test
    void aRegressionSavedFromHour100IsFoundAtItsHourUnderTheManifestsService() throws IOException {
        Path week = RecordedWeek.write(temp.resolve("week"), 3, s -> s < 100 ? RecordedWeek.pool("go/same")
                : RecordedWeek.pool("go/regex"), null, s -> 1);
        Path root = temp.resolve("store");
        List<Path> hours;
        try (Stream<Path> files = Files.list(week)) {
            hours = files.sorted().toList();
        }
        for (int h = 0; h < hours.size(); h++) {
            Instant at = RecordedWeek.MONDAY.plusSeconds(3600L * h + 600);
            Path run = Files.createDirectories(temp.resolve("run-" + h));
            Files.copy(hours.get(h), run.resolve("cpu.pb.gz"));
            new BaselineStore(root, Clock.fixed(at, ZoneOffset.UTC), Limits.defaults())
                    .save("main-" + h, run, "payments", String.format("%040x", h), false);
        }
        StepGrid grid = StepGrid.of(RecordedWeek.MONDAY, RecordedWeek.MONDAY.plus(Duration.ofDays(7)),
                Duration.ofHours(1));
        WatchReport report = new WatchRun(new DatedSource(null, root), grid, null, 3, 24, Settings.defaults())
                .analyse(Progress.NONE);

        assertEquals(List.of("payments"), report.services());
        ChangePoint first = report.changePoints().get(0);
        assertTrue(Math.abs(first.step() - 100) <= 1, "step " + first.step());
        assertTrue(first.finding().function().startsWith("regexp."), first.finding().function());
        assertTrue(first.regression());
    }
}
