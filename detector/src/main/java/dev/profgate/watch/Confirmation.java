package dev.profgate.watch;

import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Interval;
import dev.profgate.analysis.TrendEstimate;
import dev.profgate.analysis.Verdict;
import dev.profgate.rules.RuleHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * From the comparisons at the candidate steps to the change points of a run: Benjamini-Hochberg over every function
 * tested at every candidate (both families, self and total, counted; the findings below the floors count as not
 * listed; the burst windows, which only ever give transients, are a family of their own), one change point per
 * function, direction and window (the candidate whose levels differ most), then the filters: a change whose level over
 * the window after {@code wentAway} steps has come back more than halfway is a transient, and the reverse change at
 * its end is dropped (a change seen only over a burst's few steps that did not go away is left to the day-long
 * windows); a change no larger than {@link #STEP_OVER_TREND} times the change its series' trend line makes over one
 * window (within its interval) is part of a creep, not a step; last, smaller changes near a larger one are listed
 * with it.
 */
final class Confirmation {
    /** A step must change its function by more than this many times the trend's change over one window. */
    static final double STEP_OVER_TREND = 3;
    /** The share of the change that must be gone after {@code wentAway} steps for a transient. */
    static final double REVERTED = 0.5;

    private final StepGrid grid;
    private final int wentAway;
    private final int width;
    private final double fdr;

    Confirmation(StepGrid grid, int wentAway, int width, double fdr) {
        this.grid = grid;
        this.wentAway = wentAway;
        this.width = width;
        this.fdr = fdr;
    }

    /** A listed finding at one candidate step, with its q over the run. */
    private record Listed(ServiceWatch.Tested tested, Finding finding, double qValue) {
    }

    /** A listed finding with the change point it makes: its levels, series and whether it went away. */
    private record Placed(Listed listed, ChangePoint point) {
        /** How far the function's level moves between the candidate's windows, by its counts step by step. */
        double levelShift() {
            double shift = point.series().after().share() - point.series().before().share();
            return Double.isNaN(shift) ? 0 : Math.abs(shift);
        }
    }

    /** The change points that stay, then the transients. */
    record Outcome(List<ChangePoint> changePoints, List<ChangePoint> transients) {
    }

    Outcome confirm(List<ServiceWatch.Tested> tested) {
        List<Placed> kept = new ArrayList<>(strongest(placed(significant(tested.stream().filter(t -> !t.burst())
                .toList()))));
        kept.addAll(strongest(placed(significant(tested.stream().filter(ServiceWatch.Tested::burst).toList()))));
        List<ChangePoint> stay = new ArrayList<>();
        List<ChangePoint> transients = new ArrayList<>();
        for (Placed placed : kept) {
            ChangePoint point = placed.point();
            Listed listed = placed.listed();
            if (point.revertedAt() >= 0) {
                if (transients.stream().noneMatch(t -> sameTransient(t, point, listed.tested().service().width))) {
                    transients.add(point);
                }
            } else if (!listed.tested().burst() && !creeping(listed)) {
                stay.add(point);
            }
        }
        stay.removeIf(point -> transients.stream().anyMatch(t -> reverses(point, t)));
        Comparator<ChangePoint> order = Comparator.comparing((ChangePoint p) -> !p.regression())
                .thenComparingDouble(p -> -Math.abs(p.finding().effect().change()));
        stay.sort(order);
        transients.sort(order);
        return new Outcome(grouped(stay), transients);
    }

    /**
     * The change points (largest first) with each one within half a window of a larger one of the same service and
     * direction listed with that one: a regression moves other functions with it (the collector under its garbage,
     * the lock its threads now wait on), each a change point of its own a few steps off, and one deploy would
     * otherwise make a report and an issue per function.
     */
    private List<ChangePoint> grouped(List<ChangePoint> points) {
        List<ChangePoint> primaries = new ArrayList<>();
        List<List<ChangePoint>> related = new ArrayList<>();
        for (ChangePoint point : points) {
            int primary = IntStream.range(0, primaries.size()).filter(i -> alongside(primaries.get(i), point))
                    .findFirst().orElse(-1);
            if (primary >= 0) {
                related.get(primary).add(point);
            } else {
                primaries.add(point);
                related.add(new ArrayList<>());
            }
        }
        return IntStream.range(0, primaries.size()).mapToObj(i -> primaries.get(i).withRelated(related.get(i)))
                .toList();
    }

    private boolean alongside(ChangePoint primary, ChangePoint point) {
        return primary.service().equals(point.service()) && primary.regression() == point.regression()
                && 2 * Math.abs(primary.step() - point.step()) < width;
    }

    /** The listed findings (q over the run at most the FDR), smallest p first. */
    private List<Listed> significant(List<ServiceWatch.Tested> tested) {
        long family = 2L * tested.stream().mapToLong(t -> t.functionsTested()).sum();
        List<Listed> listed = new ArrayList<>();
        for (ServiceWatch.Tested t : tested) {
            for (Finding finding : t.findings()) {
                if (finding.severity() != Verdict.PASS) {
                    listed.add(new Listed(t, finding, 1));
                }
            }
        }
        listed.sort(Comparator.comparingDouble(l -> l.finding().pValue()));
        List<Listed> significant = new ArrayList<>();
        double q = 1;
        for (int i = listed.size() - 1; i >= 0; i--) {
            q = Math.min(q, listed.get(i).finding().pValue() * family / (i + 1));
            if (q <= fdr) {
                significant.add(0, new Listed(listed.get(i).tested(), listed.get(i).finding(), q));
            }
        }
        return significant;
    }

    /**
     * One per function, metric and direction within a window: the candidate whose levels before and after differ
     * most, the step where the series changes. A candidate a step or two late has part of the change on its before
     * side, yet once both are far below any threshold either can have the smaller p (seen: a regression from hour 100
     * placed at 102, both p below 1e-26).
     */
    private static List<Placed> strongest(List<Placed> significant) {
        List<Placed> bySize = significant.stream().sorted(Comparator.comparingDouble(p -> -p.levelShift())).toList();
        List<Placed> kept = new ArrayList<>();
        for (Placed candidate : bySize) {
            int width = candidate.listed().tested().service().width;
            boolean shadowed = kept.stream().anyMatch(k -> same(k.listed(), candidate.listed())
                    && Math.abs(k.point().step() - candidate.point().step()) < width);
            if (!shadowed) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private List<Placed> placed(List<Listed> significant) {
        return significant.stream().map(l -> new Placed(l, changePoint(l))).toList();
    }

    private static boolean same(Listed a, Listed b) {
        return a.tested().service() == b.tested().service() && a.tested().burst() == b.tested().burst()
                && a.finding().function().equals(b.finding().function())
                && a.finding().metric() == b.finding().metric()
                && Math.signum(a.finding().effect().change()) == Math.signum(b.finding().effect().change());
    }

    private ChangePoint changePoint(Listed listed) {
        ServiceWatch service = listed.tested().service();
        int k = listed.tested().step();
        int f = service.counts.counts.find(listed.finding().function());
        boolean self = listed.finding().metric() == Finding.Metric.SELF_SHARE;
        double[] shares = f < 0 ? new double[grid.count()] : service.counts.shares(f, self);
        long[] series = f < 0 ? new long[grid.count()] : service.counts.series(f, self);
        StepWindows windows = listed.tested().windows();
        Level before = service.counts.level(shares, series, windows.before(), first(windows.before(), k),
                last(windows.before(), k));
        Level after = service.counts.level(shares, series, windows.after(), first(windows.after(), k),
                last(windows.after(), k));
        Series chart = new Series(listed.finding().function(), listed.finding().metric().label(), shares, k, before,
                after);
        return new ChangePoint(service.service, k, grid.start(k), listed.finding(), listed.qValue(),
                rules(listed), chart, revertedAt(service, shares, series, k, before.share()), List.of(), List.of());
    }

    /**
     * The step by which the change went away: when the level over the window from {@code k + wentAway} has come back
     * more than {@link #REVERTED} of the way to the level before, the first step from {@code k + 1} whose share is
     * closer to the level before than to the level of the first {@code wentAway} steps; else -1.
     */
    private int revertedAt(ServiceWatch service, double[] shares, long[] series, int k, double before) {
        double during = service.level(shares, series, k, k + wentAway).share();
        Level later = service.level(shares, series, k + wentAway, k + wentAway + service.width);
        if (Double.isNaN(later.share()) || Double.isNaN(during) || during == before
                || (later.share() - before) / (during - before) >= REVERTED) {
            return -1;
        }
        for (int s = k + 1; s < k + wentAway; s++) {
            if (!Double.isNaN(shares[s]) && Math.abs(shares[s] - before) < Math.abs(shares[s] - during)) {
                return s;
            }
        }
        return k + wentAway;
    }

    /**
     * Whether the change may be no larger than {@link #STEP_OVER_TREND} times what its series' trend line moves over
     * one window: the end of its interval nearest zero is not above that.
     */
    private boolean creeping(Listed listed) {
        ServiceWatch service = listed.tested().service();
        int f = service.counts.counts.find(listed.finding().function());
        if (f < 0) {
            return false;
        }
        TrendEstimate trend = service.counts.trend(f, listed.finding().metric() == Finding.Metric.SELF_SHARE,
                service.period, 0, grid.count());
        double perWindow = Math.abs(trend.delta()) / Math.max(1, grid.count() - 1) * service.width;
        Interval ci = listed.finding().effect().ci();
        double smallest = listed.finding().effect().change() > 0 ? ci.low() : -ci.high();
        return smallest <= STEP_OVER_TREND * perWindow;
    }

    /** Whether two transients are one: the same function, direction and service, less than a window apart. */
    private static boolean sameTransient(ChangePoint a, ChangePoint b, int width) {
        return a.service().equals(b.service()) && a.finding().function().equals(b.finding().function())
                && a.regression() == b.regression() && Math.abs(a.step() - b.step()) < width;
    }

    /** Whether {@code point} is the end of transient {@code t}: the same function going back within a window. */
    private boolean reverses(ChangePoint point, ChangePoint t) {
        int window = t.series().after().to() - t.series().after().from();
        return point.service().equals(t.service()) && point.finding().function().equals(t.finding().function())
                && point.regression() != t.regression() && point.step() > t.step()
                && point.step() <= t.step() + wentAway + window;
    }

    private static List<RuleHit> rules(Listed listed) {
        return listed.tested().hits().getOrDefault(listed.finding(), List.of());
    }

    private static int first(int[] steps, int k) {
        return steps.length == 0 ? k : steps[0];
    }

    private static int last(int[] steps, int k) {
        return steps.length == 0 ? k : steps[steps.length - 1] + 1;
    }
}
