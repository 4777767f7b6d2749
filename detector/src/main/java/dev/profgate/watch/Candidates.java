package dev.profgate.watch;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The steps worth testing in one service: every function's self and total series is segmented ({@link Segmentation}),
 * each step keeps the largest statistic any series gave it, and steps are taken strongest first, none within
 * {@link #SPACING} of one taken before (one change seen in many functions, or a step early or late by one).
 */
final class Candidates {
    /** Two candidate steps are at least this many steps apart. */
    static final int SPACING = 2;
    /** A series with fewer samples in all steps is not segmented. */
    static final int MIN_SAMPLES = 10;

    private Candidates() {
    }

    /** The candidate steps of {@code counts}, in order. */
    static int[] of(StepCounts counts) {
        double[] strongest = new double[counts.present.length];
        for (int f = 0; f < counts.functions(); f++) {
            for (boolean self : new boolean[] {true, false}) {
                if (counts.samples(f, self) >= MIN_SAMPLES) {
                    double[] found = Segmentation.candidates(counts.series(f, self), counts.effective);
                    for (int s = 0; s < found.length; s++) {
                        strongest[s] = Math.max(strongest[s], found[s]);
                    }
                }
            }
        }
        Integer[] order = IntStream.range(0, strongest.length).filter(s -> strongest[s] > 0).boxed()
                .sorted(Comparator.comparingDouble(s -> -strongest[s])).toArray(Integer[]::new);
        boolean[] taken = new boolean[strongest.length];
        for (int s : order) {
            boolean near = false;
            for (int d = -SPACING + 1; d < SPACING && !near; d++) {
                near = s + d >= 0 && s + d < taken.length && taken[s + d];
            }
            taken[s] = !near;
        }
        return IntStream.range(0, taken.length).filter(s -> taken[s]).toArray();
    }
}
