package dev.profgate.source.remote;

import dev.profgate.TestFiles;
import dev.profgate.format.PprofReader;
import dev.profgate.format.PprofWriter;
import dev.profgate.model.CallTree;
import dev.profgate.model.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Profiles a continuous profiler would have recorded: the Go payments fixtures thinned at random (each sample kept
 * with probability {@code p}, seeded), as one short scrape of a long-running service is a sample of its behaviour.
 */
public final class RecordedProfiles {
    public static final String V1 = "go-payments-v1.cpu.pb.gz";
    public static final String V2 = "go-payments-v2-regex-per-call.cpu.pb.gz";

    private RecordedProfiles() {
    }

    static Profile fixture(String name) {
        try (InputStream in = TestFiles.open(TestFiles.fixturesPprof().resolve(name))) {
            return PprofReader.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code profile} with each sample kept with probability {@code p}; the other columns follow the counts. */
    static Profile thin(Profile profile, double p, Random random) {
        CallTree from = profile.tree();
        int countColumn = profile.header().indexOf("samples");
        CallTree tree = new CallTree(from.types());
        int[] map = new int[from.size()];
        for (int node = 1; node < from.size(); node++) {
            map[node] = tree.child(map[from.parent(node)], from.frame(node));
            long count = from.self(node, countColumn);
            long kept = 0;
            for (long i = 0; i < count; i++) {
                kept += random.nextDouble() < p ? 1 : 0;
            }
            for (int type = 0; type < from.types(); type++) {
                tree.addSelf(map[node], type, count == 0 ? 0 : from.self(node, type) * kept / count);
            }
        }
        return new Profile(profile.source(), profile.header(), profile.frames(), tree, null);
    }

    public static long samples(Profile profile) {
        return profile.tree().total(profile.header().indexOf("samples"));
    }

    /** {@code profile} as raw (not gzipped) pprof protobuf, as Pyroscope's SelectMergeProfile answers. */
    static byte[] rawPprof(Profile profile) {
        return TestFiles.gunzip(gzippedPprof(profile));
    }

    static byte[] gzippedPprof(Profile profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PprofWriter.write(profile, out);
        return out.toByteArray();
    }
}
