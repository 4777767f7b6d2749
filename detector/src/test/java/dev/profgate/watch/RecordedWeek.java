package dev.profgate.watch;

import dev.profgate.TestFiles;
import dev.profgate.format.PprofWriter;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.CallTree;
import dev.profgate.model.Profile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * A week of hourly windows built from real recorded runs ({@code recordings/go/...}): each step one run drawn at
 * random from a pool chosen per step, optionally with one function's self samples scaled by a factor per step;
 * written as {@code svc-YYYY-MM-DDTHH.pb.gz} into a folder.
 */
final class RecordedWeek {
    static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    static final int HOURS = 168;

    private RecordedWeek() {
    }

    static List<Profile> pool(String name) {
        return TestFiles.list(TestFiles.recordings().resolve(name)).stream().map(ProfileFormat::read).toList();
    }

    /**
     * Writes {@code HOURS} steps into {@code folder}: step {@code s} draws from {@code pools.apply(s)}, with the self
     * samples of {@code function} (null: none) times {@code factor.applyAsDouble(s)}.
     */
    static Path write(Path folder, long seed, IntFunction<List<Profile>> pools, String function,
                      IntToDoubleFunction factor) {
        Random random = new Random(seed);
        try {
            Files.createDirectories(folder);
            for (int s = 0; s < HOURS; s++) {
                List<Profile> pool = pools.apply(s);
                Profile run = pool.get(random.nextInt(pool.size()));
                Profile step = function == null ? run : scaled(run, function, factor.applyAsDouble(s), random);
                String name = "svc-" + MONDAY.plusSeconds(3600L * s).toString().substring(0, 13) + ".pb.gz";
                try (OutputStream out = Files.newOutputStream(folder.resolve(name))) {
                    PprofWriter.write(step, out);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code profile} with the samples of the nodes whose function is {@code function} times {@code factor}, each
     * node's count rounded at random (up with the probability of its fraction, so the factor holds on average) and
     * its other values scaled with it.
     */
    static Profile scaled(Profile profile, String function, double factor, Random random) {
        CallTree from = profile.tree();
        CallTree tree = new CallTree(from.types(), from.size());
        int[] nodes = new int[from.size()];
        for (int node = 1; node < from.size(); node++) {
            nodes[node] = tree.child(nodes[from.parent(node)], from.frame(node));
            boolean match = profile.frames().function(from.frame(node)).equals(function);
            long count = from.self(node, 0);
            double exact = factor * count;
            double rounded = Math.floor(exact) + (random.nextDouble() < exact - Math.floor(exact) ? 1 : 0);
            double ratio = !match ? 1 : count == 0 ? factor : rounded / count;
            for (int type = 0; type < from.types(); type++) {
                tree.addSelf(nodes[node], type, Math.round(from.self(node, type) * ratio));
            }
        }
        return new Profile(profile.source(), profile.header(), profile.frames(), tree, null);
    }
}
