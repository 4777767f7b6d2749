package dev.profgate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

/** One profile (one replicate): where it came from, what it measures, its frames and its call tree. */
public final class Profile {
    private final String source;
    private final ProfileHeader header;
    private final FrameTable frames;
    private final CallTree tree;
    private final Timeline timeline;

    /** Creates a profile; {@code timeline} is null when the format has no per-sample timestamps. */
    public Profile(String source, ProfileHeader header, FrameTable frames, CallTree tree, Timeline timeline) {
        this.source = source;
        this.header = header;
        this.frames = frames;
        this.tree = tree;
        this.timeline = timeline;
    }

    public String source() {
        return source;
    }

    public ProfileHeader header() {
        return header;
    }

    public FrameTable frames() {
        return frames;
    }

    public CallTree tree() {
        return tree;
    }

    /** This profile with its function and file names passed through {@code rename} (see {@link FrameTable#renamed}). */
    public Profile renamed(UnaryOperator<String> rename) {
        return new Profile(source, header, frames.renamed(rename), tree, timeline);
    }

    /** True when no stack carries a value in any column. */
    public boolean isEmpty() {
        for (int type = 0; type < tree.types(); type++) {
            if (tree.total(type) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The per-sample timestamps, or null when the format has none. */
    public Timeline timeline() {
        return timeline;
    }

    public boolean hasTimeline() {
        return timeline != null && timeline.size() > 0;
    }

    /**
     * Sample counts per node for the values of column {@code type}: the column itself when its unit is
     * {@code count}, else its count companion ({@code cpu}/{@code wall} -> {@code samples},
     * {@code alloc_space} -> {@code alloc_samples}, {@code delay} -> {@code contentions},
     * {@code park_delay} -> {@code parks}), else value / period. Never nanoseconds as counts.
     */
    public long[] counts(int type) {
        List<SampleType> types = header.sampleTypes();
        int countColumn = header.countColumn(type);
        if (countColumn >= 0) {
            return tree.selfValues(countColumn);
        }
        long[] values = tree.selfValues(type);
        long unit = header.period() > 0 && header.periodType() != null
                && header.periodType().unit().equals(types.get(type).unit()) ? header.period() : smallestPositive(values);
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] <= 0 ? 0 : Math.max(1, Math.round((double) values[i] / unit));
        }
        return values;
    }

    /** Splits the timeline into {@code parts} windows of equal duration, one profile each (for one-profile-per-side runs). */
    public List<Profile> splitByTime(int parts) {
        if (!hasTimeline()) {
            throw new IllegalStateException(source + ": no per-sample timestamps to split by");
        }
        long first = firstTime();
        double width = (lastTime() - first + 1) / (double) parts;
        List<Profile> result = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int part = p;
            result.add(window(s -> Math.min(parts - 1, (int) ((timeline.time(s) - first) / width)) == part,
                    source + "#" + (p + 1) + "/" + parts, false));
        }
        return result;
    }

    /**
     * The samples in the last {@code fraction} (0 to 1) of the time the timeline spans, with their timeline; the
     * profile itself when it has no timeline.
     */
    public Profile lastPart(double fraction) {
        if (!hasTimeline() || fraction >= 1) {
            return this;
        }
        long last = lastTime();
        long from = last - Math.round((last - firstTime()) * fraction);
        return window(s -> timeline.time(s) >= from, source, true);
    }

    private long firstTime() {
        long first = Long.MAX_VALUE;
        for (int s = 0; s < timeline.size(); s++) {
            first = Math.min(first, timeline.time(s));
        }
        return first;
    }

    private long lastTime() {
        long last = Long.MIN_VALUE;
        for (int s = 0; s < timeline.size(); s++) {
            last = Math.max(last, timeline.time(s));
        }
        return last;
    }

    /** The timeline samples that {@code keep} accepts, as a profile of their own (with its timeline when asked). */
    private Profile window(IntPredicate keep, String name, boolean withTimeline) {
        CallTree target = new CallTree(tree.types());
        Timeline kept = withTimeline ? new Timeline(tree.types()) : null;
        for (int s = 0; s < timeline.size(); s++) {
            if (!keep.test(s)) {
                continue;
            }
            int node = CallTree.ROOT;
            for (int frame : tree.path(timeline.node(s))) {
                node = target.child(node, frame);
            }
            int sample = kept == null ? -1 : kept.add(node, timeline.time(s));
            for (int t = 0; t < tree.types(); t++) {
                target.addSelf(node, t, timeline.value(s, t));
                if (kept != null) {
                    kept.set(sample, t, timeline.value(s, t));
                }
            }
        }
        return new Profile(name, header, frames, target, kept);
    }

    private static long smallestPositive(long[] values) {
        long min = Long.MAX_VALUE;
        for (long v : values) {
            if (v > 0 && v < min) {
                min = v;
            }
        }
        return min == Long.MAX_VALUE ? 1 : min;
    }
}
