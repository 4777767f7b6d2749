package dev.profgate.watch;

import dev.profgate.analysis.Verdict;
import dev.profgate.base.BadInputException;
import dev.profgate.base.Progress;
import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.config.Settings;
import dev.profgate.rules.RuleMatcher;
import dev.profgate.base.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The watch flow: read each service's profiles step by step from {@code source}, find candidate change points per
 * function ({@link Candidates}), test each with the engine's comparison of the windows around it
 * ({@link ServiceWatch}), confirm them over the whole run and filter transients and creeps ({@link Confirmation}),
 * find slow creeps ({@link CreepSearch}) into a report ({@link WatchFiles} writes it). {@code type} null means the
 * policy's type, else each profile's default; {@code wentAway} steps make a change transient when it reverts within
 * them; {@code window} steps either side are compared where the range has no daily cycle.
 */
public record WatchRun(WatchSource source, StepGrid grid, String type, int wentAway, int window, Settings settings) {
    public WatchRun {
        if (wentAway < 1) {
            throw new BadInputException("--went-away", "must be at least 1 step, not " + wentAway);
        }
        if (window < ServiceWatch.MIN_STEPS) {
            throw new BadInputException("--window", "must be at least " + ServiceWatch.MIN_STEPS + " steps");
        }
    }

    /** Reads, detects and confirms, telling {@code progress} each service done. */
    public WatchReport analyse(Progress progress) {
        Path scratch = scratch();
        try {
            return analyse(source.read(grid, settings.limits(), progress, scratch), progress);
        } finally {
            try {
                Folders.deleteTree(scratch);
            } catch (IOException e) {
                progress.done("could not delete the temporary folder " + scratch + ": " + e.getMessage());
            }
        }
    }

    /** A temporary folder for the windows a server source fetches without a cache to keep them in. */
    private static Path scratch() {
        try {
            return Files.createTempDirectory("profgate-watch-");
        } catch (IOException e) {
            throw new BadInputException(System.getProperty("java.io.tmpdir"), "cannot create a temporary folder: "
                    + Folders.whyNotWritten(e));
        }
    }

    private WatchReport analyse(List<ServiceSteps> services, Progress progress) {
        RuleMatcher rules = new RuleMatcher(RuleCatalogLoader.load(settings.rules()));
        List<ServiceWatch> watched = new ArrayList<>();
        List<ServiceWatch.Tested> tested = new ArrayList<>();
        String sampleType = type != null ? type : settings.policy().type();
        for (ServiceSteps steps : services) {
            ServiceWatch.Watched service = ServiceWatch.analyse(steps, sampleType, settings, rules, grid.period(),
                    window, wentAway);
            tested.addAll(service.tested());
            watched.add(service.service());
            progress.done(String.format(Locale.ROOT, "%s: %d of %d steps with profiles, %d candidate step(s) tested",
                    steps.service(), steps.present(), grid.count(), service.tested().size()));
        }
        Confirmation.Outcome outcome = new Confirmation(grid, wentAway,
                ServiceWatch.width(grid.period(), window), settings.policy().fdr()).confirm(tested);
        Set<String> changed = new HashSet<>();
        Stream.concat(outcome.changePoints().stream().flatMap(ChangePoint::andRelated), outcome.transients().stream())
                .forEach(p -> changed.add(p.finding().function()));
        List<Creep> creeps = watched.stream().flatMap(s -> CreepSearch.of(s, settings.policy(), changed,
                outcome.changePoints().stream().filter(p -> p.service().equals(s.service))
                        .map(ChangePoint::step).toList()).stream()).toList();
        return new WatchReport(settings.redaction().apply(source.describe()), grid,
                verdict(outcome.changePoints(), creeps), services.stream().map(ServiceSteps::service).toList(),
                source.linked(grid, outcome.changePoints()), source.linked(grid, outcome.transients()), creeps,
                List.of(), notes(tested.size()));
    }

    private static Verdict verdict(List<ChangePoint> points, List<Creep> creeps) {
        Verdict verdict = creeps.isEmpty() ? Verdict.PASS : Verdict.WARN;
        for (ChangePoint point : points.stream().flatMap(ChangePoint::andRelated).toList()) {
            if (point.regression()) {
                verdict = verdict.worse(point.finding().severity());
            }
        }
        return verdict;
    }

    private List<String> notes(int comparisons) {
        int period = grid.period();
        return List.of(String.format(Locale.ROOT, "Candidate change points per function by binary segmentation "
                + "(quasi-Poisson, on counts over each step's effective size: its samples times its TMM scale "
                + "against all steps); %d candidate step(s) tested with the engine's comparison of the windows "
                + "around them, each side's steps pooled into at most %d replicates of consecutive steps, "
                + "Benjamini-Hochberg q <= %s over every function and candidate.", comparisons,
                ServiceWatch.MAX_REPLICATES, settings.policy().fdr()),
                period > 1 ? String.format(Locale.ROOT, "Daily cycle: %d steps a day; each candidate compares the "
                        + "day before it with the day from it (the same hours on both sides).", period)
                        : String.format(Locale.ROOT, "No daily cycle modelled (the range holds fewer than two days, "
                        + "or a day is not a whole number of steps); windows of %d steps either side.", window),
                String.format(Locale.ROOT, "Transient: the level over the day after %d step(s) came back more than "
                        + "halfway; listed apart, never fails.", wentAway),
                "Creep: the seasonal Mann-Kendall test of the self share (each step compared with the same step of "
                        + "other days), Sen's slope; warns, never fails on its own.");
    }
}
