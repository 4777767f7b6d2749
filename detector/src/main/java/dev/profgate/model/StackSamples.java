package dev.profgate.model;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * One profile's samples of one sample type as sample counts, each sample's stack as frame ids, leaf first, in one
 * flat array: what per-function counts and rule exposure need, without merging the stacks into a {@link CallTree}.
 * Samples whose count is zero are left out.
 */
public final class StackSamples {
    private final String source;
    private final FrameTable frames;
    private final String type;
    private final int[] stackEnds;
    private final int[] stacks;
    private final long[] counts;
    private final int size;

    private StackSamples(String source, FrameTable frames, String type, Builder built) {
        this.source = source;
        this.frames = frames;
        this.type = type;
        this.stackEnds = built.stackEnds;
        this.stacks = built.stacks;
        this.counts = built.counts;
        this.size = built.size;
    }

    /**
     * The samples of {@code profile}'s sample type {@code type} (null: its default; see
     * {@link ProfileHeader#resolveType}): one per call tree node with a count ({@link Profile#counts}), its stack the
     * path from the root to the node.
     */
    public static StackSamples of(Profile profile, String type) {
        int column = profile.header().resolveType(type, profile.source());
        CallTree tree = profile.tree();
        long[] nodeCounts = profile.counts(column);
        Builder samples = new Builder(tree.size());
        int[] stack = new int[64];
        for (int node = 0; node < tree.size(); node++) {
            if (nodeCounts[node] == 0) {
                continue;
            }
            int depth = 0;
            for (int n = node; n != CallTree.ROOT; n = tree.parent(n)) {
                if (depth == stack.length) {
                    stack = Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = tree.frame(n);
            }
            samples.add(stack, depth, nodeCounts[node]);
        }
        return samples.build(profile.source(), profile.frames(), profile.header().sampleTypes().get(column).type());
    }

    /** These samples with their function and file names passed through {@code rename} ({@link FrameTable#renamed}). */
    public StackSamples renamed(UnaryOperator<String> rename) {
        Builder same = new Builder(0);
        same.stackEnds = stackEnds;
        same.stacks = stacks;
        same.counts = counts;
        same.size = size;
        return new StackSamples(source, frames.renamed(rename), type, same);
    }

    public String source() {
        return source;
    }

    public FrameTable frames() {
        return frames;
    }

    /** The sample type's name, e.g. {@code cpu}. */
    public String type() {
        return type;
    }

    public int size() {
        return size;
    }

    /** Where sample {@code sample}'s stack starts in {@link #frame}'s positions (its leaf). */
    public int stackStart(int sample) {
        return sample == 0 ? 0 : stackEnds[sample - 1];
    }

    /** Where sample {@code sample}'s stack ends, exclusive (after its outermost frame). */
    public int stackEnd(int sample) {
        return stackEnds[sample];
    }

    /** The frame id at a stack position. */
    public int frame(int position) {
        return stacks[position];
    }

    public long count(int sample) {
        return counts[sample];
    }

    /** Collects samples in primitive arrays that grow as needed. */
    public static final class Builder {
        private int[] stackEnds;
        private int[] stacks;
        private long[] counts;
        private int size;
        private int frameCount;

        /** A builder sized for about {@code expectedSamples} samples. */
        public Builder(int expectedSamples) {
            int capacity = Math.max(16, expectedSamples);
            stackEnds = new int[capacity];
            counts = new long[capacity];
            stacks = new int[capacity * 8];
        }

        /** Adds a sample whose stack is {@code leafFirst[0..depth)}; a zero count adds nothing. */
        public void add(int[] leafFirst, int depth, long count) {
            if (count == 0) {
                return;
            }
            if (size == counts.length) {
                stackEnds = Arrays.copyOf(stackEnds, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            if (frameCount + depth > stacks.length) {
                stacks = Arrays.copyOf(stacks, Math.max(frameCount + depth, stacks.length * 2));
            }
            System.arraycopy(leafFirst, 0, stacks, frameCount, depth);
            frameCount += depth;
            stackEnds[size] = frameCount;
            counts[size++] = count;
        }

        /** The samples so far, their frame ids from {@code frames}, of the sample type named {@code type}. */
        public StackSamples build(String source, FrameTable frames, String type) {
            return new StackSamples(source, frames, type, this);
        }
    }
}
