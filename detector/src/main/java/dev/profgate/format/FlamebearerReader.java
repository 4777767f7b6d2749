package dev.profgate.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import java.io.IOException;
import java.util.List;

/**
 * Reads the flamebearer JSON of Pyroscope's legacy {@code /pyroscope/render?format=json} API: {@code names} (the
 * string table) and {@code levels}, one flat array per depth of 4-tuples {@code [xOffsetDelta, total, self,
 * nameIndex]} where a block's x offset is the delta after the end of the block before it on the same level, and a
 * block's parent is the block of the level above whose span contains it. The single {@code total} block of level 0
 * is the root, not a frame. {@code metadata.units} names the value ({@code samples}, {@code objects}, {@code bytes});
 * frames carry function names only (the format has no files or lines).
 */
public final class FlamebearerReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlamebearerReader() {
    }

    /** Reads within the default {@link Limits}. */
    public static Profile read(byte[] json, String source) {
        return read(json, source, Limits.defaults());
    }

    /** Reads within {@code limits}: names count as strings, levels as stack depth, blocks as samples. */
    public static Profile read(byte[] json, String source, Limits limits) {
        Limits.check(source, "decompressed bytes", json.length, limits.decompressedBytes(), "decompressedBytes");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source, "not flamebearer JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(source, "cannot read flamebearer JSON: " + e.getMessage());
        }
        JsonNode bearer = root == null ? null : root.path("flamebearer");
        if (bearer == null || !bearer.path("names").isArray() || !bearer.path("levels").isArray()) {
            throw new BadInputException(source, "not flamebearer JSON: no flamebearer.names and flamebearer.levels");
        }
        if ("double".equals(root.path("metadata").path("format").asText())) {
            throw new BadInputException(source, "a diff flamebearer (format double) is not a profile");
        }
        String units = root.path("metadata").path("units").asText("");
        SampleType type = new SampleType(units.isEmpty() ? "samples" : units, units.equals("bytes") ? "bytes" : "count");
        ProfileHeader header = new ProfileHeader(List.of(type), 0, type, 1, 0, 0);
        FrameTable frames = new FrameTable();
        CallTree tree = new CallTree(1);
        checkShape(bearer, source, limits);
        new Levels(bearer, frames, tree, source).build();
        return new Profile(source, header, frames, tree, null);
    }

    private static void checkShape(JsonNode bearer, String source, Limits limits) {
        JsonNode names = bearer.get("names");
        Limits.check(source, "strings", names.size(), limits.strings(), "strings");
        for (JsonNode name : names) {
            limits.checkStringLength(source, name.asText().length());
        }
        limits.checkStackDepth(source, bearer.get("levels").size());
        long blocks = 0;
        for (JsonNode level : bearer.get("levels")) {
            blocks += level.size() / 4;
        }
        Limits.check(source, "samples (blocks)", blocks, limits.samples(), "samples");
    }

    /** The level-by-level construction: the spans and nodes of the level above, matched to each block below. */
    private static final class Levels {
        private final JsonNode names;
        private final JsonNode levels;
        private final FrameTable frames;
        private final CallTree tree;
        private final String source;
        private long[] aboveStart = {0};
        private long[] aboveEnd = {Long.MAX_VALUE};
        private int[] aboveNode = {CallTree.ROOT};
        private int aboveCount = 1;

        Levels(JsonNode bearer, FrameTable frames, CallTree tree, String source) {
            this.names = bearer.get("names");
            this.levels = bearer.get("levels");
            this.frames = frames;
            this.tree = tree;
            this.source = source;
        }

        void build() {
            int first = rootIsTotal() ? 1 : 0;
            if (first == 1) {
                aboveEnd[0] = number(levels.get(0), 1, 0);
            }
            for (int depth = first; depth < levels.size(); depth++) {
                level(depth);
            }
        }

        private boolean rootIsTotal() {
            JsonNode level = levels.path(0);
            return level.isArray() && level.size() == 4 && "total".equals(name(number(level, 3, 0), 0));
        }

        private void level(int depth) {
            JsonNode level = levels.get(depth);
            if (!level.isArray() || level.size() % 4 != 0) {
                throw new BadInputException(source, "flamebearer level " + depth + " is not a list of 4-tuples");
            }
            int blocks = level.size() / 4;
            long[] start = new long[blocks];
            long[] end = new long[blocks];
            int[] node = new int[blocks];
            int count = 0;
            int parent = 0;
            long x = 0;
            for (int b = 0; b < blocks; b++) {
                x += number(level, b * 4, depth);
                long total = number(level, b * 4 + 1, depth);
                long self = number(level, b * 4 + 2, depth);
                String name = name(number(level, b * 4 + 3, depth), depth);
                while (parent < aboveCount && aboveEnd[parent] <= x) {
                    parent++;
                }
                if (parent == aboveCount || aboveStart[parent] > x) {
                    throw new BadInputException(source, "flamebearer level " + depth + ": block '" + name
                            + "' at offset " + x + " lies under no block of the level above");
                }
                if (total > 0) {
                    node[count] = tree.child(aboveNode[parent], frames.intern(name, "", 0));
                    tree.addSelf(node[count], 0, self);
                    start[count] = x;
                    end[count++] = x + total;
                }
                x += total;
            }
            aboveStart = start;
            aboveEnd = end;
            aboveNode = node;
            aboveCount = count;
        }

        private long number(JsonNode level, int index, int depth) {
            JsonNode value = level.get(index);
            if (!value.canConvertToLong() || value.asLong() < 0) {
                throw new BadInputException(source, "flamebearer level " + depth + " holds '" + value
                        + "' where a non-negative integer belongs");
            }
            return value.asLong();
        }

        private String name(long index, int depth) {
            if (index >= names.size()) {
                throw new BadInputException(source, "flamebearer level " + depth + " names string " + index
                        + " of " + names.size());
            }
            return names.get((int) index).asText();
        }
    }
}
