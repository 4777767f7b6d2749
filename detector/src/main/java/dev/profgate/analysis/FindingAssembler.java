package dev.profgate.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns culprits into findings (kind, severity, source line, call path, cross-checks; the numbers are the function's
 * first-round test, as {@code top} and the flame graph show it; a self-time change of a function whose total
 * demonstrably did not change is a {@link FindingKind#SHIFT} between it and its callees), adds the self-time changes
 * left unexplained by any culprit, and ranks them: culprits first, then self-time changes; within each, regressions,
 * then improvements, then shifts; by the size of the change relative to the unchanged code.
 */
final class FindingAssembler {
    /** How many times larger both cross-checks' p-values must be for a change they do not support not to fail. */
    static final double DISAGREEMENT = 100;
    /** The fewest self-time changes under one caller that are named as that caller's. */
    static final int MIN_SPREAD = 2;
    /** The level at which a cross-check supports a change. */
    static final double SUPPORT = 0.05;
    private final ReplicateTree tree;
    private final CountSignificance test;
    private final Gate gate;
    private final SourceLocator locator;
    private final List<String> notes = new ArrayList<>();

    FindingAssembler(ReplicateTree tree, CountSignificance test, Gate gate, SourceLocator locator) {
        this.tree = tree;
        this.test = test;
        this.gate = gate;
        this.locator = locator;
    }

    List<Finding> findings(CulpritSearch.Outcome outcome, boolean[] ignored, long[] inclusive) {
        List<CulpritSearch.Culprit> culprits = outcome.culprits();
        FunctionCounts counts = outcome.counts();
        FeatureSignificance tests = outcome.functionTests();
        boolean[] shifts = ShiftDetector.shifts(culprits, tree, test, tests, inclusive, outcome.totals());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < culprits.size(); i++) {
            CulpritSearch.Culprit c = culprits.get(i);
            FindingKind kind = shifts[i] ? FindingKind.SHIFT : kind(c.sign(), counts.total(), c.function());
            Optional<String> appeared = kind == FindingKind.SHIFT ? Optional.empty()
                    : ShiftDetector.appearedWithoutCost(c, tests.result(c.function()).change(), tree, test, inclusive,
                            outcome.totals());
            if (appeared.isPresent()) {
                kind = FindingKind.SHIFT;
                notes.add(movedNote(tree.functions().name(c.function()) + " " + appeared.get(), c.sign(),
                        "the callers that held room for its samples"));
            }
            findings.add(finding(c.function(), kind, Finding.Metric.TOTAL_SHARE, tests, counts.total(),
                    counts.replicateTotals(), c.node()));
        }
        findings.addAll(selfFindings(outcome, ignored));
        findings.sort(Comparator.comparingInt((Finding f) -> f.metric() == Finding.Metric.TOTAL_SHARE ? 0 : 1)
                .thenComparingInt(f -> rank(f.kind()))
                .thenComparingDouble(f -> -Math.abs(f.effect().change()))
                .thenComparing(Finding::function));
        return findings;
    }

    /** Representative nodes of the culprits (their call paths are shown in the tree). */
    int[] culpritPaths(CulpritSearch.Outcome outcome) {
        return outcome.culprits().stream().mapToInt(CulpritSearch.Culprit::node).toArray();
    }

    /** Every node of every culprit. */
    boolean[] culpritNodes(CulpritSearch.Outcome outcome) {
        boolean[] flags = new boolean[tree.size()];
        for (CulpritSearch.Culprit culprit : outcome.culprits()) {
            for (int node : culprit.nodes()) {
                flags[node] = true;
            }
        }
        return flags;
    }

    /**
     * Self-time changes listed both in the first round and in what the culprits left (their subtrees removed from
     * both sides), reported with their first-round numbers.
     */
    private List<Finding> selfFindings(CulpritSearch.Outcome outcome, boolean[] ignored) {
        FunctionCounts counts = outcome.counts();
        FunctionCounts residual = outcome.residualCounts();
        Totals left = outcome.residualTotals();
        if (left.base() == 0 || left.head() == 0) {
            return List.of();
        }
        double smallest = gate.smallestListedChange();
        FeatureSignificance first = FeatureSignificance.run(counts.self(), outcome.totals(), ignored, test, smallest);
        FeatureSignificance rest = FeatureSignificance.run(residual.self(), left, ignored, test, smallest);
        List<SelfChange> changes = new ArrayList<>();
        for (int f = 0; f < first.size(); f++) {
            for (int sign : new int[] {1, -1}) {
                if (first.listed(f, sign, gate) && rest.listed(f, sign, gate)) {
                    int node = hottestSelfNode(f, sign, outcome.mask(), outcome.totals());
                    CountSignificance.Result total = test.withinRuns().test(counts.total(), f * tree.replicates(),
                            outcome.totals());
                    FindingKind kind = ShiftDetector.unchanged(total, Math.abs(first.result(f).change()))
                            ? FindingKind.SHIFT : kind(sign, counts.self(), f);
                    if (isNewOrGone(kind) && ShiftDetector.notFollowed(total, first.result(f).change())) {
                        kind = FindingKind.SHIFT;
                        notes.add(movedNote(tree.functions().name(f) + "'s own time "
                                + (sign > 0 ? "is new in head" : "is gone from head"), sign, "its total"));
                    }
                    changes.add(new SelfChange(finding(f, kind, Finding.Metric.SELF_SHARE, first, counts.self(),
                            counts.replicateTotals(), node), node, sign));
                }
            }
        }
        return spreadUnderCallers(changes, outcome.totals(), outcome.scaleBoundNodes());
    }

    /** A self-time finding, the node of its largest change and its direction. */
    private record SelfChange(Finding finding, int node, int sign) {
    }

    /** The callers' function and the direction shared by the self-time changes named as that caller's. */
    private record Spread(int callerFunction, int sign) {
    }

    /**
     * Self-time changes of {@link #MIN_SPREAD} or more functions in one direction under one caller function become
     * one finding of that caller: the change spread over its callees, tested as the sum of their self counts (its total
     * change is too diluted by its unchanged callees to test), so that the function whose callees all got slower is
     * named once, at the size of the whole change. Changes right under the root or a {@link ScaleBound scale-bound}
     * caller are never grouped.
     */
    private List<Finding> spreadUnderCallers(List<SelfChange> changes, Totals totals, boolean[] scaleBound) {
        Map<Spread, List<SelfChange>> groups = new LinkedHashMap<>();
        for (SelfChange change : changes) {
            int caller = tree.parent(change.node());
            if (caller != ReplicateTree.ROOT && !scaleBound[caller]) {
                groups.computeIfAbsent(new Spread(tree.function(caller), change.sign()), k -> new ArrayList<>())
                        .add(change);
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<SelfChange> merged = new ArrayList<>();
        for (List<SelfChange> group : groups.values()) {
            if (group.size() >= MIN_SPREAD) {
                findings.add(spreadFinding(group, totals));
                merged.addAll(group);
            }
        }
        changes.stream().filter(change -> !merged.contains(change)).forEach(change -> findings.add(change.finding()));
        return findings;
    }

    private Finding spreadFinding(List<SelfChange> parts, Totals totals) {
        int caller = tree.parent(parts.get(0).node());
        long[] sum = tree.sumRows(parts.stream().mapToInt(SelfChange::node).toArray(), tree.self());
        CountSignificance.Result result = test.test(sum, 0, totals);
        FindingKind kind = result.change() > 0 ? FindingKind.REGRESSION : FindingKind.IMPROVEMENT;
        double q = parts.stream().mapToDouble(part -> part.finding().qValue()).max().orElse(Double.NaN);
        int base = test.baseReplicates();
        double[] baseShares = CrossChecks.shares(sum, totals.replicates(), 0, base);
        double[] headShares = CrossChecks.shares(sum, totals.replicates(), base, totals.size());
        String name = tree.functions().name(tree.function(caller));
        notes.add(String.format(Locale.ROOT, "%s: its change is spread over the self time of %s, tested together.",
                name, String.join(", ", parts.stream().map(part -> part.finding().function()).toList())));
        return new Finding(name, kind, Finding.Metric.TOTAL_SHARE, result.base(), result.head(), result.delta(),
                result.ci(), result.effect(), result.pValue(), q, CrossChecks.welch(baseShares, headShares),
                CrossChecks.mannWhitney(baseShares, headShares), locator.locate(tree.function(caller), false),
                tree.path(caller), gate.severity(kind, result));
    }

    private Finding finding(int function, FindingKind kind, Finding.Metric metric, FeatureSignificance tests,
                            long[] counts, long[] totals, int node) {
        int base = test.baseReplicates();
        int replicates = totals.length;
        long[] row = Arrays.copyOfRange(counts, function * replicates, (function + 1) * replicates);
        double[] baseShares = CrossChecks.shares(row, totals, 0, base);
        double[] headShares = CrossChecks.shares(row, totals, base, replicates);
        CountSignificance.Result result = tests.result(function);
        double welch = CrossChecks.welch(baseShares, headShares);
        double mannWhitney = CrossChecks.mannWhitney(baseShares, headShares);
        String name = tree.functions().name(function);
        Verdict severity = gate.severity(kind, result);
        if (severity == Verdict.FAIL && unsupported(result, welch, mannWhitney)) {
            severity = Verdict.WARN;
            notes.add(String.format(Locale.ROOT, "%s: the replicates do not support its change: Welch "
                    + "(p = %.2g) and Mann-Whitney U (p = %.2g) disagree with the count test (p = %.2g) by more than "
                    + "%.0f times: it warns and does not fail the gate on its own.", name, welch,
                    mannWhitney, result.pValue(), DISAGREEMENT));
        }
        return new Finding(name, kind, metric, result.base(), result.head(), result.delta(), result.ci(),
                result.effect(), result.pValue(), tests.qValue(function), welch, mannWhitney,
                locator.locate(function, metric == Finding.Metric.SELF_SHARE), tree.path(node), severity);
    }

    /**
     * True when the replicates do not support the count test's change: neither Welch nor Mann-Whitney U is
     * significant at the 5% level, and both p-values exceed the count test's more than {@link #DISAGREEMENT} times
     * (a frame caught by one or two runs, such as a burst of background work, that the shrunk dispersion underrates).
     */
    private static boolean unsupported(CountSignificance.Result result, double welch, double mannWhitney) {
        double p = result.pValue();
        return welch > SUPPORT && mannWhitney > SUPPORT && welch > DISAGREEMENT * p && mannWhitney > DISAGREEMENT * p;
    }

    private static boolean isNewOrGone(FindingKind kind) {
        return kind == FindingKind.NEW || kind == FindingKind.GONE;
    }

    /** The note on a frame that appeared or vanished, taken for a {@link FindingKind#SHIFT}. */
    private static String movedNote(String what, int sign, String holder) {
        return String.format(Locale.ROOT, "%s, but %s did not %s with it: an inlining decision (a JIT's, or a "
                + "compiler's in a new build) moves samples onto or off a frame this way. It is listed as a cost "
                + "shift and does not fail the gate; added cost of that size would show in %s with more runs per side.",
                what, holder, sign > 0 ? "grow" : "shrink", holder);
    }

    /** Notes on findings whose severity was lowered. */
    List<String> notes() {
        return notes;
    }

    /** New when absent from all of base, gone when absent from all of head, by the counts of the first round. */
    private FindingKind kind(int sign, long[] firstRound, int function) {
        int replicates = tree.replicates();
        int base = test.baseReplicates();
        if (sign > 0) {
            return CountSignificance.sum(firstRound, function * replicates, 0, base) == 0 ? FindingKind.NEW
                    : FindingKind.REGRESSION;
        }
        return CountSignificance.sum(firstRound, function * replicates, base, replicates) == 0 ? FindingKind.GONE
                : FindingKind.IMPROVEMENT;
    }

    /** The unmasked node of {@code function} whose self share changed most in direction {@code sign}. */
    private int hottestSelfNode(int function, int sign, boolean[] mask, Totals totals) {
        int best = -1;
        double bestChange = Double.NEGATIVE_INFINITY;
        long[] self = tree.self();
        for (int node = 1; node < tree.size(); node++) {
            if (tree.function(node) == function && !mask[node]) {
                double change = sign * test.change(self, node * tree.replicates(), totals);
                if (change > bestChange) {
                    bestChange = change;
                    best = node;
                }
            }
        }
        return best;
    }

    private static int rank(FindingKind kind) {
        return switch (kind) {
            case REGRESSION, NEW -> 0;
            case IMPROVEMENT, GONE -> 1;
            case SHIFT -> 2;
        };
    }
}
