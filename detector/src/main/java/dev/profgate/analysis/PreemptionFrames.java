package dev.profgate.analysis;

import dev.profgate.model.CallTree;
import dev.profgate.model.FrameFold;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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

    /** Both sides with the frame folded, and the note on how many samples moved per side (empty when none did). */
    record Folded(List<Profile> base, List<Profile> head, Optional<String> note) {
    }

    /** Folds the frame out of every profile of both sides, finding each profile's frames once. */
    static Folded fold(List<Profile> base, List<Profile> head, String type) {
        List<boolean[]> baseFrames = base.stream().map(profile -> preemptFrames(profile.frames())).toList();
        List<boolean[]> headFrames = head.stream().map(profile -> preemptFrames(profile.frames())).toList();
        boolean any = Stream.concat(baseFrames.stream(), headFrames.stream()).anyMatch(PreemptionFrames::any);
        Optional<String> note = any ? note(share(base, baseFrames, type), share(head, headFrames, type))
                : Optional.empty();
        return new Folded(folded(base, baseFrames), folded(head, headFrames), note);
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

    private static List<Profile> folded(List<Profile> profiles, List<boolean[]> frames) {
        return IntStream.range(0, profiles.size()).mapToObj(p -> FrameFold.without(profiles.get(p), frames.get(p)))
                .toList();
    }

    /** The note from each side's samples at the frame and all its samples; empty when neither has any at it. */
    private static Optional<String> note(double[] baseShare, double[] headShare) {
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

    /** The samples at the frame ({@code frames}: each profile's) and all samples, over {@code profiles}. */
    private static double[] share(List<Profile> profiles, List<boolean[]> frames, String type) {
        double[] sums = new double[2];
        for (int p = 0; p < profiles.size(); p++) {
            Profile profile = profiles.get(p);
            long[] counts = profile.counts(profile.header().indexOf(type));
            boolean[] preempt = frames.get(p);
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

    private static boolean any(boolean[] frames) {
        for (boolean frame : frames) {
            if (frame) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] preemptFrames(FrameTable frames) {
        return frames.matching(ASYNC_PREEMPT::equals);
    }
}
