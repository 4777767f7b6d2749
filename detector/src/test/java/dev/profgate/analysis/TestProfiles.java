package dev.profgate.analysis;

import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import dev.profgate.model.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Synthetic CPU profiles for tests: stacks written root first ({@code "main;handle;parse"}), 10 ms per sample. */
final class TestProfiles {
    static final long PERIOD = 10_000_000;
    static final List<SampleType> TYPES = List.of(new SampleType("samples", "count"), new SampleType("cpu", "nanoseconds"));

    private TestProfiles() {
    }

    /** A profile with the given sample count per stack. */
    static Profile of(String name, Map<String, Long> stacks) {
        Builder builder = new Builder(false);
        stacks.forEach((stack, count) -> builder.add(stack, count, 0));
        return builder.build(name);
    }

    /**
     * {@code count} replicates of {@code samples} samples each, drawn from {@code weights} after multiplying each
     * weight by replicate-level noise (gamma with coefficient of variation {@code noise}), as real runs vary.
     */
    static List<Profile> replicates(String name, Map<String, Double> weights, int count, int samples, double noise,
                                    Random random) {
        List<Profile> profiles = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            profiles.add(of(name + "-" + r, draw(weights, samples, noise, random)));
        }
        return profiles;
    }

    /** One profile with timestamps: {@code windows} equal stretches of time, each drawn like one replicate. */
    static Profile withTimeline(String name, Map<String, Double> weights, int windows, int samplesPerWindow,
                                double noise, Random random) {
        Builder builder = new Builder(true);
        for (int w = 0; w < windows; w++) {
            int window = w;
            draw(weights, samplesPerWindow, noise, random).forEach((stack, count) -> {
                for (long s = 0; s < count; s++) {
                    builder.add(stack, 1, window * 1_000_000_000L + random.nextInt(1_000_000_000));
                }
            });
        }
        return builder.build(name);
    }

    static Map<String, Long> draw(Map<String, Double> weights, int samples, double noise, Random random) {
        List<String> stacks = new ArrayList<>(new java.util.TreeSet<>(weights.keySet())); // sorted: Map.of iterates in a per-JVM order
        double[] cumulative = new double[stacks.size()];
        double sum = 0;
        for (int i = 0; i < stacks.size(); i++) {
            double factor = noise == 0 ? 1 : gamma(1 / (noise * noise), random) * noise * noise;
            sum += weights.get(stacks.get(i)) * factor;
            cumulative[i] = sum;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int s = 0; s < samples; s++) {
            double u = random.nextDouble() * sum;
            int i = 0;
            while (cumulative[i] < u) {
                i++;
            }
            counts.merge(stacks.get(i), 1L, Long::sum);
        }
        return counts;
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (shape >= 1). */
    private static double gamma(double shape, Random random) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Source file of a synthetic function (its frames carry line 10 + the number of its letters). */
    static String file(String function) {
        return function + ".go";
    }

    private static final class Builder {
        private final FrameTable frames = new FrameTable();
        private final CallTree tree = new CallTree(TYPES.size());
        private final Timeline timeline;

        Builder(boolean timestamps) {
            timeline = timestamps ? new Timeline(TYPES.size()) : null;
        }

        void add(String stack, long count, long time) {
            String[] names = stack.split(";");
            int[] leafFirst = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                String function = names[names.length - 1 - i];
                leafFirst[i] = frames.intern(function, file(function), 10 + function.length());
            }
            int leaf = tree.addStack(leafFirst, names.length);
            tree.addSelf(leaf, 0, count);
            tree.addSelf(leaf, 1, count * PERIOD);
            if (timeline != null) {
                int sample = timeline.add(leaf, time);
                timeline.set(sample, 0, count);
                timeline.set(sample, 1, count * PERIOD);
            }
        }

        Profile build(String name) {
            ProfileHeader header = new ProfileHeader(TYPES, 1, TYPES.get(1), PERIOD, 0, 0);
            return new Profile(name, header, frames, tree, timeline);
        }
    }
}
