package dev.profgate.analysis;

import dev.profgate.model.CallTree;
import dev.profgate.model.Dictionary;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where a finding points in source: the hottest line of the function in head (in base when it is gone from head). */
final class SourceLocator {
    private final Replicates input;
    private final Dictionary functions;

    SourceLocator(Replicates input, Dictionary functions) {
        this.input = input;
        this.functions = functions;
    }

    /** The file and line of {@code function} with the most samples (total, or self when {@code self}). */
    SourceRef locate(int function, boolean self) {
        SourceRef head = hottest(function, self, input.baseReplicates(), input.profiles().size());
        return head != null ? head : hottest(function, self, 0, input.baseReplicates());
    }

    private SourceRef hottest(int function, boolean self, int from, int to) {
        Map<SourceRef, Long> samples = new HashMap<>();
        List<Profile> profiles = input.profiles();
        for (int r = from; r < to; r++) {
            Profile profile = profiles.get(r);
            CallTree tree = profile.tree();
            FrameTable frames = profile.frames();
            long[] counts = input.counts().get(r);
            long[] values = self ? counts : tree.subtreeTotals(counts);
            int[] functionOfFrame = frames.functionIds(functions);
            long[] perFrame = new long[frames.size()];
            for (int node = 1; node < tree.size(); node++) {
                if (functionOfFrame[tree.frame(node)] == function) {
                    perFrame[tree.frame(node)] += values[node];
                }
            }
            for (int frame = 0; frame < perFrame.length; frame++) {
                if (perFrame[frame] > 0) {
                    samples.merge(new SourceRef(frames.file(frame), frames.line(frame)), perFrame[frame], Long::sum);
                }
            }
        }
        return samples.entrySet().stream().max(Map.Entry.<SourceRef, Long>comparingByValue()
                .thenComparing(e -> e.getKey().file(), Comparator.reverseOrder())
                .thenComparing(e -> -e.getKey().line())).map(Map.Entry::getKey).orElse(null);
    }
}
