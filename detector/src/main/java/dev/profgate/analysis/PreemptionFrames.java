package dev.profgate.analysis;

import dev.profgate.model.CallTree;
import dev.profgate.model.FrameFold;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Go's {@code runtime.asyncPreempt}, charged to the function it interrupted. Asynchronous preemption pushes a call to
 * it onto the running goroutine's stack, and a profiling signal that arrives meanwhile is recorded at its first
 * instruction: the share it holds (0 to 23% in runs of one program) tells how often the two signals met, not what
 * it costs, and it is taken out of the function that was running. Comparisons fold it before anything is counted,
 * and so do the weekly and hourly counts ({@link WeeklyTrends}).
 */
final class PreemptionFrames {
    static final String ASYNC_PREEMPT = "runtime.asyncPreempt";

    private PreemptionFrames() {
    }

    static Profile folded(Profile profile) {
        return FrameFold.without(profile, ASYNC_PREEMPT::equals);
    }

    /**
     * {@code functionOfFrame} ({@link FrameTable#functionIds} of {@code frames}) with the frame's ids set to -1, so
     * that {@link dev.profgate.model.FunctionTotals} folds it the same way; itself when {@code frames} has none.
     */
    static int[] folded(FrameTable frames, int[] functionOfFrame) {
        boolean[] preempt = preemptFrames(frames);
        int[] folded = functionOfFrame;
        for (int frame = 0; frame < preempt.length; frame++) {
            if (preempt[frame]) {
                folded = folded == functionOfFrame ? functionOfFrame.clone() : folded;
                folded[frame] = -1;
            }
        }
        return folded;
    }

    /** The note saying how many samples moved, per side, or empty when no profile has the frame. */
    static Optional<String> note(List<Profile> base, List<Profile> head, String type) {
        if (base.stream().noneMatch(PreemptionFrames::hasFrame)
                && head.stream().noneMatch(PreemptionFrames::hasFrame)) {
            return Optional.empty();
        }
        double[] baseShare = share(base, type);
        double[] headShare = share(head, type);
        if (baseShare[0] == 0 && headShare[0] == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s's own samples (%s of base, %s of head) were charged to the "
                + "functions it interrupted: Go records a profiling signal that arrives during asynchronous preemption "
                + "at its first instruction, so its share tells how often the two signals met (0 to 23%% in runs "
                + "of one program), not what it costs.", ASYNC_PREEMPT,
                ProfileComparator.percent(baseShare[0] / baseShare[1]),
                ProfileComparator.percent(headShare[0] / headShare[1])));
    }

    /** The samples at the frame and all samples, over {@code profiles}. */
    private static double[] share(List<Profile> profiles, String type) {
        double[] sums = new double[2];
        for (Profile profile : profiles) {
            long[] counts = profile.counts(profile.header().indexOf(type));
            boolean[] preempt = preemptFrames(profile.frames());
            CallTree tree = profile.tree();
            for (int node = 1; node < tree.size(); node++) {
                if (preempt[tree.frame(node)]) {
                    sums[0] += counts[node];
                }
                sums[1] += counts[node];
            }
            sums[1] += counts[CallTree.ROOT];
        }
        return sums;
    }

    private static boolean hasFrame(Profile profile) {
        for (boolean preempt : preemptFrames(profile.frames())) {
            if (preempt) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] preemptFrames(FrameTable frames) {
        return frames.matching(ASYNC_PREEMPT::equals);
    }
}
