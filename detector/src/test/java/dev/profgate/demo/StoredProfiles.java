package dev.profgate.demo;

import dev.profgate.format.ProfileFormat;
import dev.profgate.model.CallTree;
import dev.profgate.model.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Questions the demo tests ask of a profile file: its bytes, and how many CPU samples run through a function. */
public final class StoredProfiles {
    private StoredProfiles() {
    }

    /** The file's bytes, decompressed when gzipped. */
    public static byte[] bytes(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    public static boolean contains(byte[] data, byte[] needle) {
        for (int i = 0; i + needle.length <= data.length; i++) {
            int j = 0;
            while (j < needle.length && data[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return true;
            }
        }
        return false;
    }

    /** CPU samples of the profile (the count companion of its {@code cpu} column). */
    static long cpuSamples(Profile profile) {
        long sum = 0;
        for (long count : cpuCounts(profile)) {
            sum += count;
        }
        return sum;
    }

    /** CPU samples whose stack holds {@code callers} (outermost first) and below them {@code function}. */
    static long samplesThrough(Path file, String function, String... callers) {
        Profile profile = ProfileFormat.read(file);
        CallTree tree = profile.tree();
        long[] counts = cpuCounts(profile);
        long sum = 0;
        for (int node = CallTree.ROOT + 1; node < tree.size(); node++) {
            if (counts[node] > 0 && holds(profile, tree.path(node), function, callers)) {
                sum += counts[node];
            }
        }
        return sum;
    }

    private static boolean holds(Profile profile, int[] rootFirstFrames, String function, String... callers) {
        int matched = 0;
        for (int frame : rootFirstFrames) {
            String wanted = matched < callers.length ? callers[matched] : matched == callers.length ? function : null;
            if (profile.frames().function(frame).equals(wanted)) {
                matched++;
            }
        }
        return matched == callers.length + 1;
    }

    private static long[] cpuCounts(Profile profile) {
        return profile.counts(profile.header().indexOf("cpu"));
    }
}
