package dev.profgate.analysis;

import dev.profgate.model.CallTree;
import dev.profgate.model.Profile;
import dev.profgate.model.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Synthetic regressions with a known culprit: a copy of a real profile with a fraction of its total samples (of its
 * default sample type) added along stacks it already has. Each added sample carries its node's average value per
 * sample in the columns of that type and its count column (cpu and samples), nothing in the others (allocations);
 * when the profile has timestamps, the added samples of a node are spread evenly over its time span, so the copy can
 * still be split by time.
 */
final class Injection {
    private Injection() {
    }

    /**
     * {@code fraction} of the replicate's samples added to {@code function}'s self time, along its stacks in
     * proportion to their self samples.
     */
    /** True when {@code function} has self samples in {@code replicate}, so that {@link #intoFunction} can add some. */
    static boolean canInjectInto(Profile replicate, String function) {
        long[] counts = replicate.counts(replicate.header().defaultType());
        for (int node = 1; node < counts.length; node++) {
            if (counts[node] > 0 && function.equals(functionOf(replicate, node))) {
                return true;
            }
        }
        return false;
    }

    static Profile intoFunction(Profile replicate, String function, double fraction) {
        CallTree tree = replicate.tree();
        boolean[] nodes = new boolean[tree.size()];
        for (int node = 1; node < tree.size(); node++) {
            nodes[node] = function.equals(functionOf(replicate, node));
        }
        return inject(replicate, List.of(nodes), fraction);
    }

    /**
     * {@code fraction} of the replicate's samples added below {@code function}, an equal part to each of
     * {@code callees}: each callee got slower where {@code function} calls it, its part spread over the stacks below
     * those calls in proportion to their self samples. {@code function} is the culprit; none of its callees carries
     * most of the change.
     */
    static Profile underCallees(Profile replicate, String function, List<String> callees, double fraction) {
        CallTree tree = replicate.tree();
        List<boolean[]> groups = new ArrayList<>();
        for (String callee : callees) {
            boolean[] below = new boolean[tree.size()];
            for (int node = 1; node < tree.size(); node++) { // a parent's index is below its children's
                int parent = tree.parent(node);
                below[node] = below[parent] || parent != CallTree.ROOT && callee.equals(functionOf(replicate, node))
                        && function.equals(functionOf(replicate, parent));
            }
            groups.add(below);
        }
        return inject(replicate, groups, fraction);
    }

    /** Adds {@code fraction / groups} of the samples to each group's nodes, in proportion to their self samples. */
    private static Profile inject(Profile replicate, List<boolean[]> groups, double fraction) {
        long[] counts = replicate.counts(replicate.header().defaultType());
        double perGroup = fraction * replicate.tree().subtreeTotals(counts)[CallTree.ROOT] / groups.size();
        long[] added = new long[counts.length];
        for (boolean[] group : groups) {
            long sum = 0;
            for (int node = 1; node < counts.length; node++) {
                sum += group[node] ? counts[node] : 0;
            }
            if (sum == 0) {
                throw new IllegalArgumentException(replicate.source() + ": no samples on the stacks to inject into");
            }
            long before = 0; // rounded cumulatively: the group gets round(perGroup) samples in all
            for (int node = 1; node < counts.length; node++) {
                long after = before + (group[node] ? counts[node] : 0);
                added[node] += Math.round(perGroup * after / sum) - Math.round(perGroup * before / sum);
                before = after;
            }
        }
        return copyWith(replicate, counts, added, String.format(Locale.ROOT, "%s+%.2f%%", replicate.source(),
                fraction * 100));
    }

    /** A copy of {@code replicate} with {@code added[node]} more samples on each node (and in its timeline). */
    private static Profile copyWith(Profile replicate, long[] counts, long[] added, String name) {
        CallTree source = replicate.tree();
        CallTree tree = new CallTree(source.types(), source.size());
        for (int node = 1; node < source.size(); node++) {
            tree.child(source.parent(node), source.frame(node)); // created in the source's order: the same node ids
        }
        for (int node = 0; node < source.size(); node++) {
            for (int type = 0; type < source.types(); type++) {
                tree.addSelf(node, type, source.self(node, type));
            }
        }
        Timeline timeline = replicate.hasTimeline() ? copy(replicate.timeline(), source.types()) : null;
        long[] span = timeline == null ? null : span(timeline);
        long[][] perSample = valuePerSample(replicate, counts);
        for (int node = 1; node < source.size(); node++) {
            for (long sample = 0; sample < added[node]; sample++) {
                int entry = timeline == null ? -1
                        : timeline.add(node, span[0] + (long) ((span[1] - span[0]) * (sample + 0.5) / added[node]));
                for (int type = 0; type < source.types(); type++) {
                    tree.addSelf(node, type, perSample[type][node]);
                    if (timeline != null) {
                        timeline.set(entry, type, perSample[type][node]);
                    }
                }
            }
        }
        return new Profile(name, replicate.header(), replicate.frames(), tree, timeline);
    }

    /** Per column and node, the average value of one of the node's samples (the default type and its count column). */
    private static long[][] valuePerSample(Profile profile, long[] counts) {
        CallTree tree = profile.tree();
        int type = profile.header().defaultType();
        int countColumn = profile.header().countColumn(type);
        long[][] result = new long[tree.types()][tree.size()];
        for (int column = 0; column < tree.types(); column++) {
            if (column != type && column != countColumn) {
                continue;
            }
            for (int node = 0; node < tree.size(); node++) {
                long value = tree.self(node, column);
                result[column][node] = counts[node] == 0 ? 0 : Math.round((double) value / counts[node]);
            }
        }
        return result;
    }

    private static Timeline copy(Timeline source, int types) {
        Timeline copy = new Timeline(types);
        for (int sample = 0; sample < source.size(); sample++) {
            int entry = copy.add(source.node(sample), source.time(sample));
            for (int type = 0; type < types; type++) {
                copy.set(entry, type, source.value(sample, type));
            }
        }
        return copy;
    }

    private static long[] span(Timeline timeline) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int sample = 0; sample < timeline.size(); sample++) {
            first = Math.min(first, timeline.time(sample));
            last = Math.max(last, timeline.time(sample));
        }
        return new long[] {first, last};
    }

    private static String functionOf(Profile profile, int node) {
        return profile.frames().function(profile.tree().frame(node));
    }
}
