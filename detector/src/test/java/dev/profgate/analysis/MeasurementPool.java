package dev.profgate.analysis;

import dev.profgate.model.Profile;
import dev.profgate.source.ProfileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Same-version recordings of one workload, one profile per process run, drawn into disjoint base and head sets. */
record MeasurementPool(String name, List<Profile> runs) {
    MeasurementPool {
        runs = List.copyOf(runs);
    }

    /** Every profile in {@code dir}, named by the directory and its parent ({@code go/same}). */
    static MeasurementPool load(Path dir) {
        Path path = dir.toAbsolutePath().normalize();
        String name = (path.getParent() == null ? "" : path.getParent().getFileName() + "/") + path.getFileName();
        return new MeasurementPool(name, ProfileLoader.load(List.of(dir.toString())));
    }

    /** True when the pool holds two disjoint sets of {@code k} runs. */
    boolean allows(int k) {
        return 2 * k <= runs.size();
    }

    /** Disjoint random sets of {@code k} runs each. */
    Draw draw(int k, Random random) {
        if (!allows(k)) {
            throw new IllegalArgumentException(name + " has " + runs.size() + " runs, too few for " + k + " per side");
        }
        List<Profile> shuffled = new ArrayList<>(runs);
        Collections.shuffle(shuffled, random);
        return new Draw(shuffled.subList(0, k), shuffled.subList(k, 2 * k));
    }

    /** The base and head replicates of one comparison. */
    record Draw(List<Profile> base, List<Profile> head) {
        Draw {
            base = List.copyOf(base);
            head = List.copyOf(head);
        }
    }
}
