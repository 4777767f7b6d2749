package dev.profgate.analysis;

import dev.profgate.model.Profile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares a bench run: every benchmark's fork scores ({@link ScoreTest}) and, per profile type recorded on both
 * sides ({@code time}: CPU plus monitor-wait time; {@code alloc_space}: allocated bytes), the per-function
 * comparison of the core engine ({@link Comparator}) with the forks' profiles as replicates, normalised per
 * operation ({@link ProfileComparison}). The run's verdict is the worst of all of them.
 */
public final class BenchComparator {
    /** The profile types compared, with the unit of their cost per operation (null: none). */
    private static final String[][] TYPES = {{"time", "ns/op"}, {"alloc_space", "B/op"}};

    private BenchComparator() {
    }

    /** Compares {@code benchmarks}; {@code policy} gates the function findings, {@code benchPolicy} the scores. */
    public static BenchOutcome compare(List<BenchmarkSamples> benchmarks, Policy policy, BenchPolicy benchPolicy) {
        List<ScoreComparison> scores = ScoreTest.compare(benchmarks, benchPolicy);
        List<BenchmarkResult> results = new ArrayList<>();
        Verdict verdict = Verdict.PASS;
        for (int i = 0; i < benchmarks.size(); i++) {
            BenchmarkResult result = result(benchmarks.get(i), scores.get(i), policy);
            results.add(result);
            verdict = Verdict.values()[Math.max(verdict.ordinal(), result.verdict().ordinal())];
        }
        return new BenchOutcome(results, verdict, benchPolicy, notes(benchPolicy), List.of());
    }

    private static BenchmarkResult result(BenchmarkSamples samples, ScoreComparison score, Policy policy) {
        List<ProfileComparison> profiles = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean profiled = !samples.base().profiles().isEmpty() && !samples.head().profiles().isEmpty();
        for (String[] type : TYPES) {
            if (profiled && (policy.type() == null || policy.type().equals(type[0]))) {
                List<Profile> base = withSamples(samples.base().profiles(), type[0]);
                List<Profile> head = withSamples(samples.head().profiles(), type[0]);
                if (base.isEmpty() != head.isEmpty()) {
                    notes.add(type[0] + ": not compared (no samples under the benchmark in the "
                            + (base.isEmpty() ? "base" : "head") + " forks)");
                }
                if (base.isEmpty() || head.isEmpty()) {
                    continue;
                }
                notes.addAll(partial(type[0], "base", base.size(), samples.base().profiles().size()));
                notes.addAll(partial(type[0], "head", head.size(), samples.head().profiles().size()));
                profiles.add(profileComparison(samples, Comparator.compare(base, head, type[0], policy), type[1]));
            }
        }
        return new BenchmarkResult(samples.benchmark(), score, profiles, notes);
    }

    private static ProfileComparison profileComparison(BenchmarkSamples samples, Comparison comparison, String unit) {
        double baseScale = scale(samples.base(), samples.unit(), unit);
        double headScale = scale(samples.head(), samples.unit(), unit);
        boolean perOp = Double.isFinite(baseScale) && Double.isFinite(headScale);
        return new ProfileComparison(comparison, perOp ? unit : null, perOp ? baseScale : Double.NaN,
                perOp ? headScale : Double.NaN);
    }

    /** The side's median cost per operation in {@code perOpUnit}: ns/op from the scores, B/op from -prof gc. */
    private static double scale(BenchSide side, String scoreUnit, String perOpUnit) {
        if ("ns/op".equals(perOpUnit)) {
            return ScoreUnit.nanosPerOp(median(side.scores()), scoreUnit);
        }
        return "B/op".equals(perOpUnit) && !side.bytesPerOp().isEmpty() ? median(side.bytesPerOp()) : Double.NaN;
    }

    private static List<Profile> withSamples(List<Profile> profiles, String type) {
        return profiles.stream().filter(p -> {
            int index = p.header().indexOf(type);
            return index >= 0 && p.tree().total(index) > 0;
        }).toList();
    }

    private static List<String> partial(String type, String side, int used, int forks) {
        return used == forks ? List.of() : List.of(String.format(Locale.ROOT, "%s: %d of %d %s forks had samples "
                + "under the benchmark and were compared", type, used, forks, side));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return HodgesLehmann.median(sorted);
    }

    private static List<String> notes(BenchPolicy policy) {
        return List.of(
                "Scores: one score per fork (the mean of its measurement iterations); change = Hodges-Lehmann ratio "
                        + "head/base on log scores with its distribution-free " + percent(policy.confidence())
                        + " interval; p = two-sided Mann-Whitney U over the fork scores; q = Benjamini-Hochberg over "
                        + "the benchmarks; ~ = not significant (q > " + percent(policy.alpha()) + ").",
                "A significant slowdown fails from an estimated " + percent(policy.failSlowdown())
                        + " and warns below it.",
                "Functions: each fork's profile cut to the stacks under the benchmark method (JMH's *_jmhStub frame), "
                        + "forks as replicates; cost per operation of a function = its share x the side's median "
                        + "score in ns/op (time: CPU samples plus monitor waits) or median allocated B/op from -prof gc "
                        + "(allocations).");
    }

    private static String percent(double fraction) {
        return new BigDecimal(fraction * 100).round(new MathContext(3)).stripTrailingZeros().toPlainString() + "%";
    }
}
