package dev.profgate.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import dev.profgate.analysis.Verdict;
import dev.profgate.base.Progress;
import dev.profgate.config.Redaction;
import dev.profgate.config.Settings;
import dev.profgate.deploy.DeployLinks;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.Credentials;
import dev.profgate.source.remote.FakePyroscope;
import dev.profgate.source.remote.LabelSelector;
import dev.profgate.source.remote.ProfileStore;
import dev.profgate.source.remote.PyroscopeClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watch over a week of hourly windows drawn from real recorded Go runs (see {@link RecordedWeek}), served by a
 * loopback Pyroscope.
 */
class WatchRunTest {
    static final String SHA = "crypto/sha256.block";
    static final double SHA_SHARE = 0.05;
    static List<Profile> same;
    static List<Profile> regex;

    @TempDir
    Path temp;

    @BeforeAll
    static void pools() {
        same = RecordedWeek.pool("go/same");
        regex = RecordedWeek.pool("go/regex");
    }

    /**
     * The week in {@code folder} served by a loopback Pyroscope (each file one scrape of service {@code svc}, five
     * minutes into its hour) and watched through it, as a schedule watches a server.
     */
    static WatchReport served(Path folder) {
        ProfileStore store = new ProfileStore();
        for (Path file : TestFiles.list(folder)) {
            Instant hour = Instant.parse(file.getFileName().toString().substring(4, 17) + ":00:00Z");
            store.add(Map.of("service_name", "svc"), dev.profgate.source.remote.Deploys.CPU,
                    hour.plusSeconds(300).toEpochMilli(), ProfileFormat.read(file));
        }
        try (FakePyroscope server = new FakePyroscope(store)) {
            ServerSource source = new ServerSource(new PyroscopeClient(dev.profgate.source.remote.Deploys.endpoint(
                    server.uri(), Credentials.NONE, "")), "", "cpu", LabelSelector.parse("{service_name=\"svc\"}",
                    "test"), 0, null, Duration.ofDays(35), 4, 0, Instant.now(),
                    new DeployLinks(false, server.uri().toString(), null, null, null));
            StepGrid grid = StepGrid.aligned(RecordedWeek.MONDAY, RecordedWeek.MONDAY.plus(Duration.ofDays(7)),
                    Duration.ofHours(1));
            return new WatchRun(source, grid, null, 3, 24, Settings.defaults()).analyse(Progress.NONE);
        }
    }

    static WatchReport watch(Path folder) {
        StepGrid grid = StepGrid.of(RecordedWeek.MONDAY, RecordedWeek.MONDAY.plus(Duration.ofDays(7)),
                Duration.ofHours(1));
        return new WatchRun(new DatedSource(folder, null), grid, null, 3, 24, Settings.defaults())
                .analyse(Progress.NONE);
    }

    @Test
    void regressionAtAKnownHourIsFoundWithinOneStepWithTheRightFunctionFirst() throws Exception {
        Path folder = RecordedWeek.write(temp.resolve("svc"), 1, s -> s < 100 ? same : regex, null, s -> 1);
        WatchReport report = served(folder);
        assertEquals(Verdict.FAIL, report.verdict(), report.toString());
        ChangePoint first = report.changePoints().get(0);
        assertTrue(Math.abs(first.step() - 100) <= 1, "step " + first.step());
        assertTrue(first.finding().function().startsWith("regexp."), first.finding().function());
        assertTrue(first.regression());
        assertEquals(List.of(), report.creeps(), "the functions the step moved are no creeps");
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        dev.profgate.report.ReportWriter.writeFiles(WatchFiles.render(report), out);
        String svg = Files.readString(out.resolve("chart-1.svg"));
        assertTrue(svg.contains("class=\"change\"") && svg.contains("class=\"before\""), svg);
    }

    @Test
    void aTwoHourSpikeThatGoesAwayIsTransient() {
        WatchReport report = served(RecordedWeek.write(temp.resolve("svc"), 2, s -> s >= 60 && s < 62 ? regex : same,
                null, s -> 1));
        assertTrue(report.transients().stream().anyMatch(t -> t.finding().function().startsWith("regexp.")
                && Math.abs(t.step() - 60) <= 1), report.toString());
        assertTrue(report.changePoints().stream().noneMatch(ChangePoint::regression), report.toString());
        assertTrue(report.verdict() != Verdict.FAIL);
    }

    @Test
    void aDailyCycleWithNoCodeChangeReportsNothing() {
        WatchReport report = served(RecordedWeek.write(temp.resolve("svc"), 3, s -> same, SHA,
                s -> 1 + 0.8 * Math.sin(2 * Math.PI * s / 24)));
        assertTrue(report.changePoints().isEmpty() && report.creeps().isEmpty(), report.toString());
        assertEquals(Verdict.PASS, report.verdict());
    }

    @Test
    void aCreepOfHalfAPercentADayIsATrend() {
        WatchReport report = served(RecordedWeek.write(temp.resolve("svc"), 4, s -> same, SHA,
                s -> 1 + 0.005 * (s / 24.0) / SHA_SHARE));
        assertTrue(report.creeps().stream().anyMatch(c -> c.function().equals(SHA) && c.trend().delta() > 0.02),
                report.toString());
        assertTrue(report.changePoints().stream().noneMatch(p -> p.finding().function().equals(SHA)),
                report.toString());
        assertEquals(Verdict.WARN, report.verdict());
    }

    /**
     * From hour 100 the cost of {@code crypto/sha256.block} runs under another name beside it (as when a refactoring
     * moves a function's work into a new one under the same callers): a cost shift, not a regression.
     */
    @Test
    void aCostMovedToANewFunctionUnderTheSameCallersIsNoRegression() {
        Redaction renamed = new Redaction(List.of(new Redaction.Rule(Pattern.compile("^crypto/sha256\\.block$"),
                "crypto/sha256.blockGeneric")));
        List<Profile> moved = renamed.apply(same);
        WatchReport report = served(RecordedWeek.write(temp.resolve("svc"), 6, s -> s < 100 ? same : moved, null,
                s -> 1));
        assertTrue(report.changePoints().stream().noneMatch(p -> p.regression()
                && p.finding().function().startsWith("crypto/sha256.")), report.toString());
        assertTrue(report.verdict() != Verdict.FAIL, report.toString());
    }

    @Test
    void sameVersionWeeksRarelyReport() {
        int weeks = Integer.getInteger("watch.weeks", 3);
        int reported = 0;
        for (int w = 0; w < weeks; w++) {
            WatchReport report = served(RecordedWeek.write(temp.resolve("aa" + w), 1000 + w, s -> same, null, s -> 1));
            boolean any = !report.changePoints().isEmpty() || !report.creeps().isEmpty();
            reported += any ? 1 : 0;
            System.out.printf("same-version week %d (seed %d): %d change point(s), %d transient(s), %d creep(s)%s%n",
                    w + 1, 1000 + w, report.changePoints().size(), report.transients().size(),
                    report.creeps().size(), any ? ": " + Charted.of(report).get(0).function() : "");
        }
        System.out.printf("same-version weeks with a report: %d of %d%n", reported, weeks);
        assertTrue(reported <= Math.max(1, weeks / 20), reported + " of " + weeks);
    }
}
