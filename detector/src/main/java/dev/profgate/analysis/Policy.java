package dev.profgate.analysis;

import java.util.List;

/**
 * The verdict policy (from {@code profgate.yml} or the defaults): the false discovery rate, the profile type, the
 * effect-size floors a significant change must reach to warn or fail, per-function budgets on the head share,
 * functions to ignore, the over-dispersion factor and the run-to-run variation assumed when there is one profile
 * per side, and into how many time windows a single timestamped profile is split.
 */
public record Policy(double fdr, String type, Floors fail, Floors warn, List<Budget> budgets, List<String> ignore,
                     double overdispersion, double runVariation, int replicatesPerProfile) {
    /** The default {@link #runVariation}: see docs/statistics.md, "One profile per side". */
    public static final double RUN_VARIATION = 0.5;

    public Policy {
        budgets = List.copyOf(budgets);
        ignore = List.copyOf(ignore);
    }

    /**
     * FDR 5%; fail at +0.5 share points and +10%; warn at +0.25 points and +5%; over-dispersion factor 2 and
     * {@link #RUN_VARIATION} (see docs/statistics.md); 5 time windows per profile.
     */
    public static Policy defaults() {
        return new Policy(0.05, null, new Floors(0.005, 0.10), new Floors(0.0025, 0.05), List.of(), List.of(),
                2.0, RUN_VARIATION, 5);
    }

    /**
     * Effect-size floors: the absolute change of the share (a fraction, 0.005 = 0.5 share points) and the change
     * relative to the base share (0.10 = 10%; a function new in head or gone from it counts as an infinite change).
     */
    public record Floors(double absolute, double relative) {
        /** True when a change from {@code base} to {@code head} (shares) reaches both floors. */
        public boolean reachedBy(double base, double head) {
            double delta = Math.abs(head - base);
            double relativeChange = base == 0 || head == 0 ? Double.POSITIVE_INFINITY : delta / base;
            return delta > 0 && delta >= absolute && relativeChange >= relative;
        }
    }

    /** A ceiling on the head total share of every function matching a glob ({@code *} any text, {@code ?} one character). */
    public record Budget(String function, double maxShare) {
    }
}
