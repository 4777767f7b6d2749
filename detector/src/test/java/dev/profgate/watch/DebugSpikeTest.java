package dev.profgate.watch;

import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.config.Settings;
import dev.profgate.rules.RuleMatcher;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugSpikeTest {
    @TempDir
    Path temp;

    @Test
    void debug() {
        var same = RecordedWeek.pool("go/same");
        var regex = RecordedWeek.pool("go/regex");
        Path folder = RecordedWeek.write(temp.resolve("svc"), 2, s -> s >= 60 && s < 62 ? regex : same, null, s -> 1);
        StepGrid grid = StepGrid.of(RecordedWeek.MONDAY, RecordedWeek.MONDAY.plusSeconds(7 * 86400), java.time.Duration.ofHours(1));
        Settings settings = Settings.defaults();
        var steps = new WatchSource(folder, null).read(grid, settings.limits(), settings.redaction());
        ServiceWatch service = new ServiceWatch(steps.get(0), null, 24, 24);
        System.out.println("candidates " + java.util.Arrays.toString(Candidates.of(service.counts)));
        for (var t : service.test(null, settings.policy(), new RuleMatcher(RuleCatalogLoader.load(settings.rules())), 3)) {
            System.out.println("step " + t.step() + " burst " + t.burst() + " " + t.windows().before().length + "/" + t.windows().after().length + " tested " + t.comparison().functionsTested());
            t.comparison().findings().stream().limit(3).forEach(f -> System.out.println("   " + f.function() + " " + f.kind() + " " + f.severity() + " p=" + f.pValue()));
        }
    }
}
