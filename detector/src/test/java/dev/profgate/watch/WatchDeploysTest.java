package dev.profgate.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.attribution.AttributionRepo;
import dev.profgate.base.BadInputException;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Profile;
import dev.profgate.source.remote.LabelSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change points attributed to the deploys of a list ({@code --deploys}). */
class WatchDeploysTest {
    @TempDir
    Path temp;

    @Test
    void aVersionLabelGivesADeployWhereTheVersionWithMostSamplesChangesAtItsFirstSamples() {
        long h = 3_600_000;
        long[] hours = {0, h, 2 * h, 3 * h, 4 * h, 5 * h};
        List<LabelSeries> series = List.of(
                new LabelSeries("v1", hours, new double[] {100, 100, 90, 0, 0, 100}),
                new LabelSeries("v2", hours, new double[] {0, 0, 10, 100, 100, 0}),
                new LabelSeries("", hours, new double[] {500, 500, 500, 500, 500, 500}));
        List<Deploy> deploys = Deploys.fromVersions(series).all();
        assertEquals(List.of(new Deploy(Instant.ofEpochMilli(2 * h), "v2"), new Deploy(Instant.ofEpochMilli(5 * h),
                "v1")), deploys, "the canary hour starts v2's deploy; the rollback is a deploy of v1; profiles "
                + "without the label are no version");
    }

    @Test
    void aRegressionAtAKnownHourIsAttributedToTheDeployAtThatHour() throws Exception {
        Path folder = RecordedWeek.write(temp.resolve("svc"), 1, s -> s < 100 ? RecordedWeek.pool("go/same")
                : RecordedWeek.pool("go/regex"), null, s -> 1);
        Path list = Files.writeString(temp.resolve("deploys.txt"), """
                # time version
                2026-03-03T06:00:00Z v1.0.0
                2026-03-06T03:40:00Z v1.1.0
                2026-03-08T06:00:00Z v1.2.0
                """);
        WatchReport report = new DeployAttribution(Deploys.read(list), null, null)
                .attribute(WatchRunTest.watch(folder), new ArrayList<>());
        ChangePoint first = report.changePoints().get(0);
        Deployed deployed = report.deployOf(first).orElseThrow();
        assertEquals("v1.1.0", deployed.match().deploy().version());
        assertEquals("v1.0.0", deployed.match().previous().version());
        assertNull(deployed.attribution(), "no repository given: no commits");
        assertTrue(WatchFormat.TEXT.render(report).contains("after deploy v1.1.0 (2026-03-06T03:40:00Z)"),
                WatchFormat.TEXT.render(report));
        assertTrue(WatchFormat.JSON.render(report).contains("\"version\" : \"v1.1.0\""),
                WatchFormat.JSON.render(report));
    }

    @Test
    void withARepositoryTheRegressionIsAttributedToTheCommitOfItsDeployThatChangedItsCode() throws Exception {
        AttributionRepo repo = AttributionRepo.create(temp.resolve("repo"));
        List<Profile> base = demo("base");
        List<Profile> head = demo("head");
        Path folder = RecordedWeek.write(temp.resolve("svc"), 2, s -> s < 100 ? base : head, null, s -> 1);
        Deploys deploys = new Deploys(List.of(new Deploy(RecordedWeek.MONDAY, repo.base),
                new Deploy(RecordedWeek.MONDAY.plus(Duration.ofHours(100)), repo.caller)));
        WatchReport report = new DeployAttribution(deploys, repo.dir, null)
                .attribute(WatchRunTest.watch(folder), new ArrayList<>());

        ChangePoint first = report.changePoints().get(0);
        assertTrue(Math.abs(first.step() - 100) <= 1, "step " + first.step());
        Deployed deployed = report.deployOf(first).orElseThrow();
        assertEquals(repo.caller, deployed.match().deploy().version());
        String commits = String.join("\n", deployed.commits());
        assertTrue(commits.contains(repo.culprit.substring(0, 7)), commits);
        assertTrue(commits.contains("Validate cards with the full regex (#12)"), commits);
        assertFalse(commits.contains("Ledger: document storage"), "the unrelated commit is not implicated: "
                + commits);
        assertTrue(WatchFormat.MARKDOWN.render(report).contains("Validate cards with the full regex"),
                WatchFormat.MARKDOWN.render(report));
    }

    private static List<Profile> demo(String side) throws IOException {
        try (Stream<Path> files = Files.list(AttributionRepo.REPO.resolve("baselines/demo").resolve(side))) {
            return files.sorted().map(ProfileFormat::read).toList();
        }
    }

    @Test
    void theNearestDeployWithinAStepIsTheMatch() {
        Instant at = Instant.parse("2026-03-06T04:00:00Z");
        Deploys deploys = new Deploys(List.of(new Deploy(at.plus(Duration.ofMinutes(70)), "late"),
                new Deploy(at.minus(Duration.ofMinutes(20)), "near"),
                new Deploy(at.minus(Duration.ofHours(5)), "old")));
        Deployed.Match match = deploys.around(at, Duration.ofHours(1)).orElseThrow();
        assertEquals("near", match.deploy().version());
        assertEquals("old", match.previous().version());
        assertTrue(deploys.around(at.plus(Duration.ofHours(10)), Duration.ofHours(1)).isEmpty());
    }

    @Test
    void aMalformedLineIsOneLineNamingIt() throws Exception {
        Path list = Files.writeString(temp.resolve("bad.txt"), "2026-03-06T03:40:00Z\n");
        BadInputException e = assertThrows(BadInputException.class, () -> Deploys.read(list));
        assertTrue(e.getMessage().startsWith(list + ":1: expected 'TIME VERSION'"), e.getMessage());
    }
}
