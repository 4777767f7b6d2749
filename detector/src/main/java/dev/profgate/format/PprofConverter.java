package dev.profgate.format;

import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.LongIntMap;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import dev.profgate.model.StackSamples;
import dev.profgate.model.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a decoded pprof message into the model with pprof's semantics: ids mapped (never assumed dense), each
 * location expanded into its lines innermost first, frames named as {@code go tool pprof} names them at function
 * granularity, stacks merged into a {@link CallTree} with every sample type's values. When every sample carries the
 * numeric label {@value PprofWriter#TIMESTAMP_LABEL} in {@value PprofWriter#TIMESTAMP_UNIT} (as profgate writes
 * profiles converted from JFR), the samples also form the profile's {@link Timeline}.
 */
final class PprofConverter {
    private final PprofMessage message;
    private final String source;
    private final Limits limits;
    private final FrameTable frames = new FrameTable();
    private final String[] functionNames;
    private final String[] functionFiles;
    private final LongIntMap functionIndex;
    private final LongIntMap mappingIndex;
    private final LongIntMap locationIndex;
    private int[] locationFrameStart;
    private int[] locationFrames;

    private PprofConverter(PprofMessage message, String source, Limits limits) {
        this.message = message;
        this.source = source;
        this.limits = limits;
        this.functionNames = new String[message.functionIds.size()];
        this.functionFiles = new String[message.functionIds.size()];
        this.functionIndex = index(message.functionIds, "function");
        this.mappingIndex = index(message.mappingIds, "mapping");
        this.locationIndex = index(message.locationIds, "location");
    }

    static Profile convert(PprofMessage message, String source, Limits limits) {
        return new PprofConverter(message, source, limits).convert();
    }

    /**
     * The samples of sample type {@code type} (null: the default) without a call tree, when their counts are a column
     * of their own ({@link ProfileHeader#countColumn}) with no negative value; otherwise through the {@link Profile}, so
     * that counts derived per merged stack (value / period) come out exactly as {@link Profile#counts} gives them.
     */
    static StackSamples samples(PprofMessage message, String source, Limits limits, String type) {
        return new PprofConverter(message, source, limits).samples(type);
    }

    private StackSamples samples(String type) {
        ProfileHeader header = header();
        int column = header.resolveType(type, source);
        int countColumn = header.countColumn(column);
        int types = header.sampleTypes().size();
        if (countColumn < 0 || hasNegative(countColumn, types)) {
            return StackSamples.of(convert(), type);
        }
        expandLocations();
        StackSamples.Builder samples = new StackSamples.Builder(message.sampleCount());
        forEachStack(types, (sample, stack, depth, valueStart) ->
                samples.add(stack, depth, message.sampleValues.get(valueStart + countColumn)));
        return samples.build(source, frames, header.sampleTypes().get(column).type());
    }

    private boolean hasNegative(int column, int types) {
        for (int i = column; i < message.sampleValues.size(); i += types) {
            if (message.sampleValues.get(i) < 0) {
                return true;
            }
        }
        return false;
    }

    private Profile convert() {
        ProfileHeader header = header();
        expandLocations();
        int types = header.sampleTypes().size();
        CallTree tree = new CallTree(types, expectedNodes());
        int[] sampleNodes = addSamples(tree, types);
        return new Profile(source, header, frames, tree, timeline(sampleNodes, types));
    }

    /**
     * A size for the call tree: a quarter of the samples' location references (merged prefixes share most of them),
     * so a large profile does not regrow the tree's tables a dozen times on the way.
     */
    private int expectedNodes() {
        return Math.min(1 << 22, message.sampleLocationIds.size() / 4);
    }

    private ProfileHeader header() {
        List<SampleType> types = new ArrayList<>();
        for (int i = 0; i < message.sampleTypeNames.size(); i++) {
            types.add(new SampleType(string(message.sampleTypeNames.get(i)), string(message.sampleTypeUnits.get(i))));
        }
        if (types.isEmpty()) {
            throw new BadInputException(source, "not a pprof profile: no sample types");
        }
        return new ProfileHeader(types, defaultType(types), periodType(), message.period,
                message.timeNanos, message.durationNanos);
    }

    /** The period type, or null when the profile has none or an empty one (as pprof writes for "none"). */
    private SampleType periodType() {
        SampleType type = new SampleType(string(message.periodTypeName), string(message.periodTypeUnit));
        return type.type().isEmpty() && type.unit().isEmpty() ? null : type;
    }

    /** The column named by {@code default_sample_type}, else the last column, as pprof picks it. */
    private int defaultType(List<SampleType> types) {
        String name = string(message.defaultSampleType);
        for (int i = 0; !name.isEmpty() && i < types.size(); i++) {
            if (types.get(i).type().equals(name)) {
                return i;
            }
        }
        return types.size() - 1;
    }

    /** Interns the frames of every location, innermost inlined line first, each location's frames contiguous. */
    private void expandLocations() {
        int locations = message.locationCount();
        locationFrameStart = new int[locations + 1];
        locationFrames = new int[message.lineFunctions.size() + locations];
        int count = 0;
        int line = 0;
        for (int location = 0; location < locations; location++) {
            locationFrameStart[location] = count;
            int end = (int) message.locationLineEnds.get(location);
            if (line == end) {
                locationFrames[count++] = frames.intern(objectName(location), "", 0);
            }
            for (; line < end; line++) {
                locationFrames[count++] = lineFrame(location, line, line < end - 1);
            }
        }
        locationFrameStart[locations] = count;
    }

    private int lineFrame(int location, int line, boolean inlined) {
        long functionId = message.lineFunctions.get(line);
        int function = position(message.functionIds, functionIndex, functionId);
        if (function < 0) {
            String locationId = Long.toUnsignedString(message.locationIds.get(location));
            throw new BadInputException(source, "location id " + locationId + " refers to function id "
                    + Long.toUnsignedString(functionId) + ", which does not exist");
        }
        String name = functionName(function);
        return frames.intern(name.isEmpty() ? objectName(location) : name, functionFile(function),
                saturatedInt(message.lineNumbers.get(line)), inlined);
    }

    /** pprof's name for code without a function name: the mapped file's base name in brackets, else "<unknown>". */
    private String objectName(int location) {
        int mapping = mappingIndex.get(message.locationMappings.get(location));
        String file = mapping < 0 ? "" : string(message.mappingFiles.get(mapping));
        return file.isEmpty() ? "<unknown>" : "[" + baseName(file) + "]";
    }

    /** Adds every sample to {@code tree} and returns the node of each. */
    private int[] addSamples(CallTree tree, int types) {
        int[] sampleNodes = new int[message.sampleCount()];
        forEachStack(types, (sample, stack, depth, valueStart) -> {
            int node = tree.addStack(stack, depth);
            for (int type = 0; type < types; type++) {
                tree.addSelf(node, type, message.sampleValues.get(valueStart + type));
            }
            sampleNodes[sample] = node;
        });
        return sampleNodes;
    }

    /** Receives one sample: its stack of frame ids leaf first ({@code stack[0..depth)}) and where its values start. */
    private interface StackVisitor {
        void visit(int sample, int[] stack, int depth, int valueStart);
    }

    /** Expands every sample's locations into its stack of frames, checking its values and depth, in order. */
    private void forEachStack(int types, StackVisitor visitor) {
        int[] stack = new int[64];
        int locationStart = 0;
        int valueStart = 0;
        for (int sample = 0; sample < message.sampleCount(); sample++) {
            int valueEnd = (int) message.sampleValueEnds.get(sample);
            if (valueEnd - valueStart != types) {
                throw new BadInputException(source, "sample " + (sample + 1) + " has " + (valueEnd - valueStart)
                        + " values but the profile has " + types + " sample types");
            }
            int locationEnd = (int) message.sampleLocationEnds.get(sample);
            int depth = 0;
            for (int i = locationStart; i < locationEnd; i++) {
                int location = location(sample, message.sampleLocationIds.get(i));
                int from = locationFrameStart[location];
                int length = locationFrameStart[location + 1] - from;
                if (depth + length > stack.length) {
                    stack = Arrays.copyOf(stack, Math.max(depth + length, stack.length * 2));
                }
                System.arraycopy(locationFrames, from, stack, depth, length);
                depth += length;
            }
            limits.checkStackDepth(source, depth);
            visitor.visit(sample, stack, depth, valueStart);
            locationStart = locationEnd;
            valueStart = valueEnd;
        }
    }

    /** The samples in time, or null unless every sample has a timestamp label. */
    private Timeline timeline(int[] sampleNodes, int types) {
        int key = message.sampleLabelKeys.size() == 0 ? -1 : message.indexOf(PprofWriter.TIMESTAMP_LABEL);
        int unit = key < 0 ? -1 : message.indexOf(PprofWriter.TIMESTAMP_UNIT);
        if (unit < 0 || sampleNodes.length == 0) {
            return null;
        }
        Timeline timeline = new Timeline(types);
        for (int sample = 0; sample < sampleNodes.length; sample++) {
            int label = findLabel(sample, key, unit);
            if (label < 0) {
                return null;
            }
            int entry = timeline.add(sampleNodes[sample], message.sampleLabelNums.get(label));
            int valueStart = (int) message.sampleValueEnds.get(sample) - types;
            for (int type = 0; type < types; type++) {
                timeline.set(entry, type, message.sampleValues.get(valueStart + type));
            }
        }
        return timeline;
    }

    /** The index of the numeric label of {@code sample} with this key and unit, or -1. */
    private int findLabel(int sample, long key, long unit) {
        int end = (int) message.sampleLabelEnds.get(sample);
        for (int label = sample == 0 ? 0 : (int) message.sampleLabelEnds.get(sample - 1); label < end; label++) {
            if (message.sampleLabelKeys.get(label) == key && message.sampleLabelUnits.get(label) == unit) {
                return label;
            }
        }
        return -1;
    }

    /** The index of location {@code id}. */
    private int location(int sample, long id) {
        int location = position(message.locationIds, locationIndex, id);
        if (location < 0) {
            throw new BadInputException(source, "sample " + (sample + 1) + " refers to location id "
                    + Long.toUnsignedString(id) + ", which does not exist");
        }
        return location;
    }

    /**
     * The position of {@code id} in {@code ids}, or -1: the id minus one when ids are numbered 1..n in order (as Go
     * writes them), else looked up in {@code index}.
     */
    private static int position(LongList ids, LongIntMap index, long id) {
        if (id > 0 && id <= ids.size() && ids.get((int) id - 1) == id) {
            return (int) id - 1;
        }
        return index.get(id);
    }

    private String functionName(int function) {
        if (functionNames[function] == null) {
            functionNames[function] = string(message.functionNames.get(function));
        }
        return functionNames[function];
    }

    private String functionFile(int function) {
        if (functionFiles[function] == null) {
            functionFiles[function] = string(message.functionFiles.get(function));
        }
        return functionFiles[function];
    }

    private String string(long index) {
        if (index < 0 || index >= message.stringCount()) {
            throw new BadInputException(source, "string index " + index + " is outside the string table ("
                    + message.stringCount() + " entries)");
        }
        return message.string((int) index);
    }

    /** Maps ids to positions in their table; id 0 is reserved and an id may appear once, as pprof checks. */
    private LongIntMap index(LongList ids, String what) {
        LongIntMap index = new LongIntMap(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            if (id == 0) {
                throw new BadInputException(source, "a " + what + " has the reserved id 0");
            }
            if (index.get(id) >= 0) {
                throw new BadInputException(source, "two " + what + "s have id " + Long.toUnsignedString(id));
            }
            index.put(id, i);
        }
        return index;
    }

    /** Go's {@code filepath.Base}: the last element of a slash-separated path, trailing slashes ignored. */
    private static String baseName(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        String trimmed = path.substring(0, end);
        return trimmed.equals("/") ? trimmed : trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static int saturatedInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
