package dev.profgate.analysis;

import dev.profgate.model.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The engine measured on pools of real same-version recordings (docs/statistics.md, "Measured: false fails and
 * power"): the A/A false-fail rate of random disjoint k-vs-k pairs, and the power to find CPU added to one function,
 * or spread under one interior function over its callees, in each head replicate of such pairs. {@link #main} prints
 * both as markdown tables (benchmarks/statistics.sh).
 */
public final class EngineMeasurement {
    /** Replicates per side measured. */
    static final List<Integer> REPLICATES = List.of(1, 2, 3, 5);
    /** Injected CPU, fractions of each head replicate's samples. */
    static final List<Double> AMOUNTS = List.of(0.0025, 0.005, 0.01, 0.03);

    private EngineMeasurement() {
    }

    /**
     * Prints the tables for the pools named as arguments (directories of profiles); options {@code --pairs N}
     * (comparisons per cell, default 20), {@code --seed S} (default 1) and {@code --power-replicates K} (runs per side
     * of the power curve, default 5).
     */
    public static void main(String[] args) {
        int pairs = 20;
        long seed = 1;
        int powerReplicates = 5;
        List<MeasurementPool> pools = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pairs" -> pairs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--power-replicates" -> powerReplicates = Integer.parseInt(args[++i]);
                default -> pools.add(MeasurementPool.load(Path.of(args[i])));
            }
        }
        if (pools.isEmpty()) {
            throw new IllegalArgumentException("usage: EngineMeasurement [--pairs N] [--seed S] "
                    + "[--power-replicates K] pool-dir...");
        }
        System.out.print(MeasurementTables.all(pools, pairs, seed, powerReplicates));
    }

    /** A/A: of {@code pairs} comparisons, how many failed and how many warned. */
    record FalseFails(int pairs, int fails, int warns) {
    }

    /** How an injected regression is laid out. */
    enum Layout {
        ONE_FUNCTION("one function"), UNDER_INTERIOR("spread under an interior function");

        final String label;

        Layout(String label) {
            this.label = label;
        }

        /** The functions of {@code pool} that injections of this layout go into. */
        List<InjectionTargets.Target> targets(MeasurementPool pool) {
            return this == ONE_FUNCTION ? InjectionTargets.functions(pool.runs())
                    : InjectionTargets.interiors(pool.runs());
        }
    }

    /**
     * Injections at one amount: how many comparisons failed, and per trial the rank of the true function among the
     * findings (1-based; 0 when it is not named).
     */
    record Power(int fails, List<Integer> ranks) {
        Power {
            ranks = List.copyOf(ranks);
        }

        int trials() {
            return ranks.size();
        }

        int named() {
            return (int) ranks.stream().filter(rank -> rank > 0).count();
        }

        int first() {
            return (int) ranks.stream().filter(rank -> rank == 1).count();
        }

        /** The median rank, a miss counting as worse than any rank; 0 when at least half are missed. */
        double medianRank() {
            List<Integer> sorted = ranks.stream().map(rank -> rank == 0 ? Integer.MAX_VALUE : rank).sorted().toList();
            int n = sorted.size();
            long lower = sorted.get((n - 1) / 2);
            long upper = sorted.get(n / 2);
            return upper == Integer.MAX_VALUE ? 0 : (lower + upper) / 2.0;
        }
    }

    /** {@code pairs} A/A comparisons of disjoint random sets of {@code k} runs of {@code pool}. */
    static FalseFails falseFails(MeasurementPool pool, int k, int pairs, long seed) {
        Random random = new Random(seed);
        int fails = 0;
        int warns = 0;
        for (int pair = 0; pair < pairs; pair++) {
            MeasurementPool.Draw draw = pool.draw(k, random);
            Comparison comparison = ProfileComparator.compare(draw.base(), draw.head(), null, Policy.defaults());
            Verdict verdict = comparison.verdict();
            if (verdict == Verdict.FAIL) {
                System.err.println(pool.name() + " " + k + " vs " + k + " failed (" + comparison.base().sources()
                        + " vs " + comparison.head().sources() + "): " + comparison.findings());
            }
            fails += verdict == Verdict.FAIL ? 1 : 0;
            warns += verdict == Verdict.WARN ? 1 : 0;
        }
        return new FalseFails(pairs, fails, warns);
    }

    /** One trial of the power curve: the base and head runs, and where the regression goes. */
    record Trial(MeasurementPool.Draw draw, InjectionTargets.Target target) {
    }

    /**
     * For each of {@code amounts}, {@code trials} comparisons of disjoint random sets of {@code k} runs with the
     * amount injected into each head run, at a target drawn at random per trial. The trials (sets and targets) are
     * the same for every amount.
     */
    static List<Power> power(MeasurementPool pool, Layout layout, int k, List<Double> amounts, int trials, long seed) {
        List<Trial> drawn = trials(pool, layout, k, trials, seed);
        return amounts.stream().map(amount -> power(drawn, amount)).toList();
    }

    /** {@code trials} disjoint random sets of {@code k} runs per side, each with a target drawn for {@code layout}. */
    static List<Trial> trials(MeasurementPool pool, Layout layout, int k, int trials, long seed) {
        List<InjectionTargets.Target> targets = layout.targets(pool);
        if (targets.isEmpty()) {
            throw new IllegalStateException(pool.name() + ": no function to inject into (" + layout.label + ")");
        }
        Random random = new Random(seed);
        List<Trial> drawn = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            MeasurementPool.Draw draw = pool.draw(k, random);
            drawn.add(new Trial(draw, targets.get(random.nextInt(targets.size()))));
        }
        return drawn;
    }

    private static Power power(List<Trial> trials, double amount) {
        int fails = 0;
        List<Integer> ranks = new ArrayList<>();
        for (Trial trial : trials) {
            List<Profile> head = trial.draw().head().stream().map(p -> trial.target().inject(p, amount)).toList();
            Comparison comparison = ProfileComparator.compare(trial.draw().base(), head, null, Policy.defaults());
            fails += comparison.verdict() == Verdict.FAIL ? 1 : 0;
            ranks.add(rank(comparison, trial.target().function()));
        }
        return new Power(fails, ranks);
    }

    /** The 1-based position of the first finding that {@code function} grew, 0 when there is none. */
    static int rank(Comparison comparison, String function) {
        List<Finding> findings = comparison.findings();
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).function().equals(function) && findings.get(i).delta() > 0) {
                return i + 1;
            }
        }
        return 0;
    }
}
