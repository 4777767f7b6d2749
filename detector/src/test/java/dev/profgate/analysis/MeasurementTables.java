package dev.profgate.analysis;

import dev.profgate.model.Profile;
import java.util.List;
import java.util.Locale;

/** The measurements of {@link EngineMeasurement} as markdown tables. */
final class MeasurementTables {
    private MeasurementTables() {
    }

    /** The pools, the A/A table and one power table per pool, each cell from {@code pairs} comparisons. */
    static String all(List<MeasurementPool> pools, int pairs, long seed, int powerReplicates) {
        StringBuilder out = new StringBuilder();
        out.append(pools(pools)).append('\n').append(falseFails(pools, pairs, seed));
        for (MeasurementPool pool : pools) {
            out.append('\n').append(power(pool, pairs, seed, powerReplicates));
        }
        return out.toString();
    }

    /** One row per pool: runs, samples per run, timestamps, injection targets; then each pool's interior targets. */
    static String pools(List<MeasurementPool> pools) {
        StringBuilder out = new StringBuilder("| pool | runs | samples per run (median) | timestamps "
                + "| one-function targets | interior targets |\n|---|---|---|---|---|---|\n");
        for (MeasurementPool pool : pools) {
            List<Long> samples = pool.runs().stream().map(MeasurementTables::samples).sorted().toList();
            out.append(row(pool.name(), pool.runs().size(), samples.get(samples.size() / 2),
                    pool.runs().stream().allMatch(Profile::hasTimeline) ? "yes" : "no",
                    EngineMeasurement.Layout.ONE_FUNCTION.targets(pool).size(),
                    EngineMeasurement.Layout.UNDER_INTERIOR.targets(pool).size()));
        }
        for (MeasurementPool pool : pools) {
            out.append('\n').append(interiors(pool)).append('\n');
        }
        return out.toString();
    }

    /** The pool's interior functions, each with its share and the callees an injection spreads over. */
    private static String interiors(MeasurementPool pool) {
        return pool.name() + ", interior functions (callees): " + String.join("; ",
                EngineMeasurement.Layout.UNDER_INTERIOR.targets(pool).stream()
                        .map(t -> String.format(Locale.ROOT, "%s at %.1f%% (%s)", t.function(), t.share() * 100,
                                String.join(", ", t.callees())))
                        .toList());
    }

    /** A/A comparisons per pool and replicates per side: verdicts FAIL and WARN of {@code pairs}. */
    static String falseFails(List<MeasurementPool> pools, int pairs, long seed) {
        StringBuilder out = new StringBuilder("| pool | runs per side | FAIL | WARN |\n|---|---|---|---|\n");
        for (MeasurementPool pool : pools) {
            for (int k : EngineMeasurement.REPLICATES) {
                if (!pool.allows(k)) {
                    out.append(row(pool.name(), k, "too few runs", "too few runs"));
                    continue;
                }
                EngineMeasurement.FalseFails aa = EngineMeasurement.falseFails(pool, k, pairs, seed);
                out.append(row(pool.name(), k, aa.fails() + "/" + aa.pairs(), aa.warns() + "/" + aa.pairs()));
            }
        }
        return out.toString();
    }

    /** Injections into {@code k} head runs per trial: FAIL rate, named rate and median rank per amount and layout. */
    static String power(MeasurementPool pool, int trials, long seed, int k) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s, %d per side, %d trials:%n%n",
                pool.name(), k, trials));
        out.append("| added CPU | layout | FAIL | named | ranked first | median rank |\n|---|---|---|---|---|---|\n");
        if (!pool.allows(k)) {
            return out.append(row("-", "-", "too few runs", "", "", "")).toString();
        }
        for (EngineMeasurement.Layout layout : EngineMeasurement.Layout.values()) {
            if (layout.targets(pool).isEmpty()) {
                out.append(row("-", layout.label, "no target", "", "", ""));
                continue;
            }
            List<EngineMeasurement.Power> powers = EngineMeasurement.power(pool, layout, k, EngineMeasurement.AMOUNTS,
                    trials, seed);
            for (int i = 0; i < powers.size(); i++) {
                EngineMeasurement.Power power = powers.get(i);
                out.append(row(String.format(Locale.ROOT, "+%.2f%%", EngineMeasurement.AMOUNTS.get(i) * 100),
                        layout.label, power.fails() + "/" + power.trials(), power.named() + "/" + power.trials(),
                        power.first() + "/" + power.trials(),
                        power.medianRank() == 0 ? "missed" : String.format(Locale.ROOT, "%.1f", power.medianRank())));
            }
        }
        return out.toString();
    }

    private static long samples(Profile profile) {
        long sum = 0;
        for (long count : profile.counts(profile.header().defaultType())) {
            sum += count;
        }
        return sum;
    }

    private static String row(Object... cells) {
        StringBuilder row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell).append(" |");
        }
        return row.append('\n').toString();
    }
}
