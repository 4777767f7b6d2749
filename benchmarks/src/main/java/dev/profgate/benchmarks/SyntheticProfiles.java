package dev.profgate.benchmarks;

import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic CPU profiles of one {@link SyntheticProgram}, shaped like Go CPU profiles
 * ({@code samples/count} and {@code cpu/nanoseconds}, 10 ms period) and built directly as {@link Profile}s.
 * Every distinct stack carries at least one sample; the remaining samples are drawn from a Zipf law over the
 * stacks, so a profile has a few hot stacks and a long tail of stacks seen once, and two seeds differ by
 * sampling noise only.
 */
public final class SyntheticProfiles {
    private static final long PERIOD = 10_000_000;
    private static final SampleType CPU = new SampleType("cpu", "nanoseconds");
    private static final List<SampleType> TYPES = List.of(new SampleType("samples", "count"), CPU);
    private static final int REGRESSED_STACK_RANK = 10;

    /** Size and shape of the profiles: function count, distinct stacks, samples, stack depth range, Zipf exponent. */
    public record Shape(int functions, int stacks, long samples, int minDepth, int maxDepth, double zipfExponent) {
        /** The target: 1,000,000 samples over more than 100,000 distinct stacks, depth 10-60. */
        public static final Shape LARGE = new Shape(3000, 120_000, 1_000_000, 10, 60, 1.0);
    }

    private final Shape shape;
    private final SyntheticProgram program;

    public SyntheticProfiles(Shape shape, long seed) {
        if (shape.samples() < shape.stacks()) {
            throw new IllegalArgumentException("every stack needs a sample: samples < stacks in " + shape);
        }
        this.shape = shape;
        this.program = new SyntheticProgram(shape.functions(), shape.stacks(), shape.minDepth(), shape.maxDepth(),
                seed);
    }

    /** A profile whose sampling noise comes from {@code seed}. */
    public Profile profile(String name, long seed) {
        return build(name, seed, ZipfTable.zipfWeights(shape.stacks(), shape.zipfExponent()));
    }

    /**
     * A profile in which {@link #regressedFunction()} costs {@code factor} times as much self time: the stacks
     * ending in it are that much likelier.
     */
    public Profile regressed(String name, long seed, double factor) {
        double[] weights = ZipfTable.zipfWeights(shape.stacks(), shape.zipfExponent());
        int function = regressedFunctionId();
        int[] leaves = program.leaves();
        for (int rank = 0; rank < leaves.length; rank++) {
            if (SyntheticProgram.functionOf(program.tree().frame(leaves[rank])) == function) {
                weights[rank] *= factor;
            }
        }
        return build(name, seed, weights);
    }

    /** The function {@link #regressed} makes more expensive: the leaf function of one of the hottest stacks. */
    public String regressedFunction() {
        return SyntheticProgram.functionName(regressedFunctionId());
    }

    private int regressedFunctionId() {
        return SyntheticProgram.functionOf(program.tree().frame(program.leaves()[REGRESSED_STACK_RANK]));
    }

    private Profile build(String name, long seed, double[] stackWeights) {
        long[] counts = sampleCounts(stackWeights, new SplittableRandom(seed));
        CallTree sites = program.tree();
        CallTree tree = new CallTree(TYPES.size(), sites.size());
        FrameTable frames = new FrameTable();
        int[] nodeOf = copyTree(sites, tree, frames);
        int[] leaves = program.leaves();
        for (int rank = 0; rank < leaves.length; rank++) {
            int leaf = nodeOf[leaves[rank]];
            tree.addSelf(leaf, 0, counts[rank]);
            tree.addSelf(leaf, 1, counts[rank] * PERIOD);
        }
        ProfileHeader header = new ProfileHeader(TYPES, 1, CPU, PERIOD, 0, shape.samples() * PERIOD);
        return new Profile(name, header, frames, tree, null);
    }

    private long[] sampleCounts(double[] stackWeights, SplittableRandom random) {
        long[] counts = new long[stackWeights.length];
        Arrays.fill(counts, 1);
        ZipfTable stacks = ZipfTable.of(stackWeights);
        for (long s = stackWeights.length; s < shape.samples(); s++) {
            counts[stacks.draw(random)]++;
        }
        return counts;
    }

    /** Copies the call-site tree into {@code target}, interning each site as a frame; returns the new node per node. */
    private int[] copyTree(CallTree sites, CallTree target, FrameTable frames) {
        int[] frameOfSite = new int[program.functions() * SyntheticProgram.SITES];
        Arrays.fill(frameOfSite, -1);
        int[] nodeOf = new int[sites.size()];
        for (int node = 1; node < sites.size(); node++) {
            int site = sites.frame(node);
            if (frameOfSite[site] < 0) {
                int function = SyntheticProgram.functionOf(site);
                frameOfSite[site] = frames.intern(SyntheticProgram.functionName(function),
                        SyntheticProgram.fileName(function), 10 + function % 500 + SyntheticProgram.lineOffsetOf(site));
            }
            nodeOf[node] = target.child(nodeOf[sites.parent(node)], frameOfSite[site]);
        }
        return nodeOf;
    }
}
