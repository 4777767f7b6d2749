package dev.profgate.bench;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.HodgesLehmann;
import dev.profgate.analysis.MeasuredScale;
import dev.profgate.analysis.Policy;
import dev.profgate.analysis.ProfileComparator;
import dev.profgate.analysis.Verdict;
import dev.profgate.model.Profile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares a bench run: every benchmark's fork scores and CPU time per operation ({@link ScoreSignificance}) and, per profile
 * type recorded on both sides ({@code time}: CPU plus monitor-wait time; {@code alloc_space}: allocated bytes), the
 * per-function comparison of the core engine ({@link ProfileComparator}) with the forks' profiles as replicates. The run's
 * verdict is the worst of all of them.
 *
 * <p>The functions are tested on their shares of each fork's profile, which are measured within one fork at one time
 * and so do not move with the fork's speed (JIT state, other load on the machine); each finding is then stated per
 * operation, {@code cost per op = share x the side's median cost per operation} ({@link ProfileComparison}). A fork's
 * cost per operation is, for {@code time}, its benchmark threads' CPU time per operation times the profile's
 * {@code time / cpu} total (the CPU time grown by the monitor waits the profile shows beside it), or its score in
 * ns/op where the CPU time was not measured; for {@code alloc_space}, its allocated bytes per operation
 * ({@code -prof gc}).
 */
public final class BenchComparator {
    /** The profile types compared, with the unit of their cost per operation and what that cost measures. */
    private static final String[][] TYPES = {{"time", "ns/op", "cost per operation (CPU time and monitor waits)"},
        {"alloc_space", "B/op", "allocated bytes per operation"}};

    private BenchComparator() {
    }

    /** Compares {@code benchmarks}; {@code policy} gates the function findings, {@code benchPolicy} the scores. */
    public static BenchOutcome compare(List<BenchmarkSamples> benchmarks, Policy policy, BenchPolicy benchPolicy) {
        List<ScoreSignificance.Scores> scores = ScoreSignificance.compare(benchmarks, benchPolicy);
        List<BenchmarkResult> results = new ArrayList<>();
        Verdict verdict = Verdict.PASS;
        for (int i = 0; i < benchmarks.size(); i++) {
            BenchmarkResult result = result(benchmarks.get(i), scores.get(i), policy);
            results.add(result);
            verdict = verdict.worse(result.verdict());
        }
        return new BenchOutcome(results, verdict, benchPolicy, notes(benchPolicy), List.of());
    }

    private static BenchmarkResult result(BenchmarkSamples samples, ScoreSignificance.Scores scores, Policy policy) {
        List<ProfileComparison> profiles = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String[] type : TYPES) {
            if (policy.type() == null || policy.type().equals(type[0])) {
                SideForks base = SideForks.of(samples.base(), samples.unit(), type[0], type[1]);
                SideForks head = SideForks.of(samples.head(), samples.unit(), type[0], type[1]);
                if (base.profiles.isEmpty() != head.profiles.isEmpty()) {
                    notes.add(type[0] + ": not compared (no samples under the benchmark in the "
                            + (base.profiles.isEmpty() ? "base" : "head") + " forks)");
                }
                if (!base.profiles.isEmpty() && !head.profiles.isEmpty()) {
                    notes.addAll(base.partial(type[0], "base", samples.base().profiles().size()));
                    notes.addAll(head.partial(type[0], "head", samples.head().profiles().size()));
                    notes.addAll(base.thin(type[0], "base"));
                    notes.addAll(head.thin(type[0], "head"));
                    profiles.add(compare(base, head, type, policy));
                }
            }
        }
        return new BenchmarkResult(samples.benchmark(), scores.score(), scores.cpu(), profiles, notes);
    }

    private static ProfileComparison compare(SideForks base, SideForks head, String[] type, Policy policy) {
        double baseCost = base.medianCost();
        double headCost = head.medianCost();
        boolean perOp = Double.isFinite(baseCost) && Double.isFinite(headCost);
        MeasuredScale measured = perOp ? new MeasuredScale(baseCost / headCost,
                base.medianLogVariance() + head.medianLogVariance(), type[2]) : null;
        Comparison comparison = ProfileComparator.compare(base.profiles, head.profiles, type[0], policy, measured);
        return new ProfileComparison(comparison, perOp ? type[1] : null, perOp ? baseCost : Double.NaN,
                perOp ? headCost : Double.NaN);
    }

    /** The forks of one side with samples of a type, and the cost per operation each measured (NaN: unknown). */
    private record SideForks(List<Profile> profiles, List<Double> costs) {
        /**
         * The CPU samples per fork below which the function comparison is blunt (a 5% share: ±1.9 points at 95%); a
         * 5-s measurement sampled every 5 ms, async-profiler's default, holds about 1,000.
         */
        static final long THIN_SAMPLES = 500;

        static SideForks of(BenchSide side, String scoreUnit, String type, String perOpUnit) {
            List<Profile> profiles = new ArrayList<>();
            List<Double> costs = new ArrayList<>();
            for (int r = 0; r < side.profiles().size(); r++) {
                Profile profile = side.profiles().get(r);
                int index = profile.header().indexOf(type);
                if (index >= 0 && profile.tree().total(index) > 0) {
                    profiles.add(profile);
                    costs.add(cost(side, r, scoreUnit, perOpUnit));
                }
            }
            return new SideForks(profiles, costs);
        }

        /** Fork {@code fork}'s cost per operation (see the class comment); NaN when it is not known. */
        private static double cost(BenchSide side, int fork, String scoreUnit, String perOpUnit) {
            if ("B/op".equals(perOpUnit)) {
                return side.bytesPerOp().isEmpty() ? Double.NaN : side.bytesPerOp().get(fork);
            }
            if (side.cpuPerOp().isEmpty()) {
                return ScoreUnit.nanosPerOp(side.scores().get(fork), scoreUnit);
            }
            Profile profile = side.profiles().get(fork);
            int cpu = profile.header().indexOf("cpu");
            long cpuTotal = cpu < 0 ? 0 : profile.tree().total(cpu);
            double time = profile.tree().total(profile.header().indexOf("time"));
            return cpuTotal > 0 ? side.cpuPerOp().get(fork) * time / cpuTotal : Double.NaN;
        }

        /** The median cost per operation of the forks; NaN when one of them is unknown. */
        double medianCost() {
            double[] sorted = costs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            boolean known = Arrays.stream(sorted).allMatch(c -> Double.isFinite(c) && c > 0);
            return known ? HodgesLehmann.median(sorted) : Double.NaN;
        }

        /**
         * The variance of the log of {@link #medianCost}: the forks' variance of log cost over their number, times
         * pi/2 for a median; infinite with fewer than two forks.
         */
        double medianLogVariance() {
            double[] logs = costs.stream().mapToDouble(Math::log).toArray();
            if (logs.length < 2) {
                return Double.POSITIVE_INFINITY;
            }
            double mean = Arrays.stream(logs).average().orElse(0);
            double squares = Arrays.stream(logs).map(l -> (l - mean) * (l - mean)).sum();
            return squares / (logs.length - 1) / logs.length * Math.PI / 2;
        }

        /**
         * A note when the side's median fork holds fewer than {@value #THIN_SAMPLES} CPU samples (its profile's
         * {@code samples} column) under the benchmark: the function comparison then sees only large changes.
         */
        List<String> thin(String type, String side) {
            if (!type.equals("time")) {
                return List.of();
            }
            long[] samples = profiles.stream().mapToLong(SideForks::cpuSamples).filter(n -> n >= 0).sorted().toArray();
            long median = samples.length == 0 ? THIN_SAMPLES : samples[samples.length / 2];
            return median >= THIN_SAMPLES ? List.of() : List.of(String.format(Locale.ROOT,
                    "time: the median %s fork has %d CPU samples under the benchmark in its measurement "
                    + "iterations, fewer than %d: the function comparison can see only large changes (longer "
                    + "measurement iterations (--time) add samples, and so does --profiler async where JFR's sampler "
                    + "was used)", side, median,
                    THIN_SAMPLES));
        }

        /** The profile's CPU samples (its {@code samples} column), -1 when it has no such column. */
        private static long cpuSamples(Profile profile) {
            int column = profile.header().indexOf("samples");
            return column < 0 ? -1 : profile.tree().total(column);
        }

        List<String> partial(String type, String side, int forks) {
            return profiles.size() == forks ? List.of() : List.of(String.format(Locale.ROOT, "%s: %d of %d %s forks "
                    + "had samples under the benchmark and were compared", type, profiles.size(), forks, side));
        }
    }

    private static List<String> notes(BenchPolicy policy) {
        return List.of(
                "Scores: one value per fork (the mean of its measurement iterations) of JMH's score and of the CPU "
                        + "time of the benchmark threads per operation; change = Hodges-Lehmann ratio head/base on "
                        + "log values with its distribution-free " + percent(policy.confidence()) + " interval; p = "
                        + "two-sided Mann-Whitney U over the forks; q = Benjamini-Hochberg over the comparisons of the "
                        + "run; ~ = not significant (q > " + percent(policy.alpha()) + ").",
                "A significant slowdown of the CPU time fails from an estimated " + percent(policy.failSlowdown())
                        + " and warns below it; a significant slowdown of the score only warns when the CPU time "
                        + "was measured (the score is wall-clock time, which other load on the machine also moves), "
                        + "and fails like the CPU time when it was not.",
                "Functions: each fork's profile cut to the stacks under the benchmark method (JMH's *_jmhStub frame) "
                        + "during the measurement iterations, forks as replicates, shares tested; cost per operation "
                        + "= share x the side's median cost per operation (time: CPU samples plus monitor waits, "
                        + "cost = CPU time per operation x time/CPU of the profile, or the score where no CPU time "
                        + "was measured; allocations: B/op of -prof gc). Shares are tested relative to the code that "
                        + "did not change, cross-checked against the measured cost per operation, so a function "
                        + "whose cost per operation did not change is not listed when another one grows.");
    }

    private static String percent(double fraction) {
        return new BigDecimal(fraction * 100).round(new MathContext(3)).stripTrailingZeros().toPlainString() + "%";
    }
}
