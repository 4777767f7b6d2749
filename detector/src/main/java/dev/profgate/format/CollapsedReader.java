package dev.profgate.format;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads collapsed (folded) stacks, Brendan Gregg's {@code root;caller;leaf 123} format, one stack per line. */
public final class CollapsedReader {
    private static final ProfileHeader HEADER = new ProfileHeader(
            List.of(new SampleType("samples", "count")), 0, new SampleType("samples", "count"), 1, 0, 0);

    private CollapsedReader() {
    }

    /** Reads within the default {@link Limits}. */
    public static Profile read(InputStream in, String source) throws IOException {
        return read(in, source, Limits.defaults());
    }

    /** Reads within {@code limits}: lines count as samples, distinct frames as functions. */
    public static Profile read(InputStream in, String source, Limits limits) throws IOException {
        FrameTable frames = new FrameTable();
        CallTree tree = new CallTree(1);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int[] stack = new int[64];
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            long count = space > 0 ? parseCount(line.substring(space + 1)) : -1;
            if (count < 0) {
                throw new BadInputException(source, "line " + lineNumber + ": expected 'frame;frame;... count'");
            }
            Limits.check(source, "samples (lines)", lineNumber, limits.samples(), "samples");
            String[] names = line.substring(0, space).split(";");
            limits.checkStackDepth(source, names.length);
            if (names.length > stack.length) {
                stack = Arrays.copyOf(stack, Math.max(names.length, stack.length * 2));
            }
            for (int i = 0; i < names.length; i++) {
                limits.checkStringLength(source, names[i].length());
                stack[names.length - 1 - i] = frames.intern(stripAnnotation(names[i]), "", 0);
            }
            Limits.check(source, "functions", frames.size(), limits.functions(), "functions");
            tree.addSelf(tree.addStack(stack, names.length), 0, count);
        }
        return new Profile(source, HEADER, frames, tree, null);
    }

    private static long parseCount(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Drops async-profiler's frame type suffixes such as {@code _[j]}, {@code _[i]} or {@code _[k]}. */
    private static String stripAnnotation(String name) {
        int n = name.length();
        if (n > 4 && name.charAt(n - 1) == ']' && name.charAt(n - 4) == '_' && name.charAt(n - 3) == '[') {
            return name.substring(0, n - 4);
        }
        return name;
    }
}
