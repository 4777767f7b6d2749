package dev.profgate.cli;

import dev.profgate.format.PprofWriter;
import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes made-up stacks as real pprof files (through {@link PprofWriter}, read back by {@code compare} like any
 * profile): one side of a comparison as {@link #REPLICATES} replicates whose counts differ by a few percent, each
 * frame a function with a source file and line.
 */
public final class StackProfiles {
    public static final int REPLICATES = 4;
    private static final SampleType SAMPLES = new SampleType("samples", "count");

    private final ProfileHeader header;
    private final Map<List<Frame>, Long> stacks = new LinkedHashMap<>();

    /** Profiles of sample counts. */
    public StackProfiles() {
        this(SAMPLES);
    }

    /** Profiles whose one column is {@code type} (a JFR-like {@code cpu} in nanoseconds, say). */
    public StackProfiles(SampleType type) {
        header = new ProfileHeader(List.of(type), 0, type, 1, 0, 0);
    }

    /** A frame: function, source file ("" when unknown) and line (0 when unknown). */
    public record Frame(String function, String file, int line) {
    }

    /** Adds {@code count} samples (per replicate, before jitter) of the stack {@code rootFirst}. */
    public StackProfiles add(long count, Frame... rootFirst) {
        stacks.merge(List.of(rootFirst), count, Long::sum);
        return this;
    }

    /** Writes the replicates into a new folder {@code dir} and returns it. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int r = 0; r < REPLICATES; r++) {
            writeReplicate(r, dir.resolve("r" + r + ".pb.gz"));
        }
        return dir;
    }

    /** Writes replicate {@code r} (its counts jittered as the {@code r}-th of {@link #write}'s) to {@code file}. */
    public Path writeReplicate(int r, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            PprofWriter.write(replicate(r), out);
        }
        return file;
    }

    private Profile replicate(int r) {
        FrameTable frames = new FrameTable();
        CallTree tree = new CallTree(1);
        int s = 0;
        for (Map.Entry<List<Frame>, Long> stack : stacks.entrySet()) {
            List<Frame> rootFirst = stack.getKey();
            int[] leafFirst = new int[rootFirst.size()];
            for (int i = 0; i < leafFirst.length; i++) {
                Frame frame = rootFirst.get(leafFirst.length - 1 - i);
                leafFirst[i] = frames.intern(frame.function(), frame.file(), frame.line());
            }
            long jitter = stack.getValue() * ((r * 7L + s++ * 3L) % 5 - 2) / 50;
            tree.addSelf(tree.addStack(leafFirst, leafFirst.length), 0, stack.getValue() + jitter);
        }
        return new Profile("replicate " + r, header, frames, tree, null);
    }

    /** Frames of the functions {@code names}, each in the file {@code name.go} at line 10 + its position. */
    public static Frame[] frames(String... names) {
        List<Frame> frames = new ArrayList<>();
        for (String name : names) {
            frames.add(new Frame(name, name + ".go", 10 + frames.size()));
        }
        return frames.toArray(Frame[]::new);
    }
}
