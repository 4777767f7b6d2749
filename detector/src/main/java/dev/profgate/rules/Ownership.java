package dev.profgate.rules;

import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * For one rule and one side (base or head): the samples whose stack runs through a valid expensive frame of the rule
 * (one that matches its frames and language, under its {@code under} callers and none of its {@code notUnder}
 * callers), each given to the one finding that owns the stack, mirroring how the culprit search splits samples
 * between culprits. The owner is the deepest culprit on the stack in the rule's cone (a culprit search that went
 * through an expensive frame took deeper culprits first and tested shallower ones on what they left); else the
 * culprit nearest an expensive frame (ties: the deeper one); with no culprit on the stack, the self-time finding of
 * its leaf, if any. For head, also records where each owner's expensive frames are called from ({@link Site}).
 */
final class Ownership {
    private final FindingIndex findings;
    private final boolean recordSites;
    private final long[] owned;
    private final Map<Integer, Map<Site, Long>> sites = new HashMap<>();
    private long samples;

    private FrameFacts facts;
    private RuleFrames frames;
    private int[] path;
    private boolean[] valid;
    private int[] expensive;

    Ownership(FindingIndex findings, boolean recordSites) {
        this.findings = findings;
        this.recordSites = recordSites;
        this.owned = new long[findings.size()];
    }

    /** Walks one profile of this side (iteratively: any stack depth). */
    void add(FrameFacts profile, RuleFrames rule) {
        samples += profile.samples;
        if (!profile.hasAny(rule.expensive)) {
            return;
        }
        facts = profile;
        frames = rule;
        CallTree tree = profile.profile.tree();
        int size = tree.size();
        path = new int[size + 1];
        valid = new boolean[size + 1];
        expensive = new int[size + 1];
        boolean[] excluded = new boolean[size + 1];
        boolean[] included = new boolean[size + 1];
        boolean[] reached = new boolean[size + 1];
        boolean needsUnder = !rule.rule.under().isEmpty();
        for (int node : profile.preorder) {
            if (node == CallTree.ROOT) {
                continue;
            }
            int d = profile.depth[node];
            int frame = tree.frame(node);
            int function = profile.function[frame];
            path[d] = frame;
            valid[d] = rule.expensive[function] && rule.rule.speaks(profile.language[frame])
                    && !excluded[d - 1] && (!needsUnder || included[d - 1]);
            excluded[d] = excluded[d - 1] || rule.notUnder[function];
            included[d] = included[d - 1] || rule.under[function];
            reached[d] = reached[d - 1] || valid[d];
            if (reached[d] && profile.counts[node] > 0) {
                attribute(d, profile.counts[node]);
            }
        }
    }

    /** Samples of this side owned by the finding with {@code key}. */
    long owned(int key) {
        return owned[key];
    }

    /** The owned samples as a share of all samples of this side. */
    double share(int key) {
        return samples == 0 ? 0 : (double) owned[key] / samples;
    }

    /** The call site with the most owned samples (ties: the first in {@link Site}'s order), or null. */
    Site topSite(int key) {
        Map<Site, Long> counts = sites.getOrDefault(key, Map.of());
        return counts.entrySet().stream().max(Map.Entry.<Site, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** Gives the {@code count} samples of the stack {@code path[1..depth]} to their owner. */
    private void attribute(int depth, long count) {
        int expensiveCount = 0;
        int coneOwner = 0;
        for (int d = 1; d <= depth; d++) {
            if (valid[d]) {
                expensive[expensiveCount++] = d;
            }
            if (frames.cone[functionAt(d)]) {
                coneOwner = d;
            }
        }
        int owner = coneOwner > 0 ? coneOwner : nearestCulprit(depth, expensiveCount);
        if (owner > 0) {
            give(FindingIndex.key(functionAt(owner), false), owner, expensiveCount, count);
        } else if (findings.self[functionAt(depth)]) {
            give(FindingIndex.key(functionAt(depth), true), depth, expensiveCount, count);
        }
    }

    /** The depth of the culprit nearest an expensive frame of the stack (ties: the deeper), or 0 when none. */
    private int nearestCulprit(int depth, int expensiveCount) {
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int d = 1; d <= depth; d++) {
            if (findings.culprit[functionAt(d)]) {
                int distance = Math.abs(d - expensive[nearest(expensiveCount, d)]);
                if (distance <= bestDistance) {
                    best = d;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private void give(int key, int ownerDepth, int expensiveCount, long count) {
        owned[key] += count;
        if (recordSites) {
            Site site = siteAt(expensive[nearest(expensiveCount, ownerDepth)]);
            sites.computeIfAbsent(key, k -> new HashMap<>()).merge(site, count, Long::sum);
        }
    }

    /** The index in {@code expensive[0..count)} of the expensive frame nearest {@code depth} (ties: nearer the root). */
    private int nearest(int count, int depth) {
        int best = 0;
        for (int i = 1; i < count; i++) {
            if (Math.abs(expensive[i] - depth) < Math.abs(expensive[best] - depth)) {
                best = i;
            }
        }
        return best;
    }

    private int functionAt(int depth) {
        return facts.function[path[depth]];
    }

    /**
     * The site of the expensive frame at {@code depth}: widened towards the root over expensive library frames
     * (regexp.compile up to regexp.MustCompile), then the nearest application frame at or above it.
     */
    private Site siteAt(int depth) {
        int top = depth;
        while (top > 1 && facts.library[path[top]] && valid[top - 1] && facts.library[path[top - 1]]) {
            top--;
        }
        int caller = top;
        while (caller >= 1 && facts.library[path[caller]]) {
            caller--;
        }
        FrameTable table = facts.profile.frames();
        String frame = table.function(path[top]);
        if (caller < 1) {
            return new Site(frame, "", "", 0);
        }
        return new Site(frame, table.function(path[caller]), table.file(path[caller]), table.line(path[caller]));
    }
}
