package dev.profgate.format;

import dev.profgate.format.pprof.ProfileProto;
import dev.profgate.model.CallTree;
import dev.profgate.model.Dictionary;
import dev.profgate.model.FrameTable;
import dev.profgate.model.LongIntMap;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import dev.profgate.model.Timeline;
import dev.profgate.model.TreeWalk;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a profile as gzipped pprof: its header, one function per name and file, one location per frame, and one
 * sample per timeline entry carrying its time as the numeric label {@value #TIMESTAMP_LABEL} (nanoseconds since
 * the epoch), or, for a profile without a timeline, one sample per call-tree node with a value. Only what the model
 * holds is written (no environment, no other labels); frames that were inlined become locations of their own, so
 * the inline marks are not kept.
 */
public final class PprofWriter {
    /** The numeric sample label that holds a sample's time, in {@value #TIMESTAMP_UNIT} since the epoch. */
    public static final String TIMESTAMP_LABEL = "timestamp";
    /** The unit of {@link #TIMESTAMP_LABEL}. */
    public static final String TIMESTAMP_UNIT = "nanoseconds";

    private final Profile profile;
    private final Dictionary strings = new Dictionary();
    private final ProfileProto.Profile.Builder out = ProfileProto.Profile.newBuilder();

    private PprofWriter(Profile profile) {
        this.profile = profile;
        strings.intern("");
    }

    public static void write(Profile profile, OutputStream out) {
        ProfileProto.Profile message = new PprofWriter(profile).build();
        try {
            GZIPOutputStream gz = new GZIPOutputStream(out);
            message.writeTo(gz);
            gz.finish();
            gz.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProfileProto.Profile build() {
        writeHeader(profile.header());
        writeFrames(profile.frames());
        if (profile.hasTimeline()) {
            writeTimedSamples(profile.tree(), profile.timeline());
        } else {
            writeSamples(profile.tree());
        }
        for (int i = 0; i < strings.size(); i++) {
            out.addStringTable(strings.name(i));
        }
        return out.build();
    }

    private void writeHeader(ProfileHeader header) {
        for (SampleType type : header.sampleTypes()) {
            out.addSampleType(valueType(type));
        }
        out.setDefaultSampleType(strings.intern(header.sampleTypes().get(header.defaultType()).type()));
        if (header.periodType() != null) {
            out.setPeriodType(valueType(header.periodType()));
        }
        out.setPeriod(header.period()).setTimeNanos(header.timeNanos()).setDurationNanos(header.durationNanos());
    }

    /** Location id = frame id + 1; function ids count distinct (name, file) pairs from 1. */
    private void writeFrames(FrameTable frames) {
        LongIntMap functionIds = new LongIntMap(frames.size());
        for (int frame = 0; frame < frames.size(); frame++) {
            int name = strings.intern(frames.function(frame));
            int file = strings.intern(frames.file(frame));
            long key = (long) name << 32 | file;
            int functionId = functionIds.get(key);
            if (functionId < 0) {
                functionId = out.getFunctionCount() + 1;
                functionIds.put(key, functionId);
                out.addFunction(ProfileProto.Function.newBuilder()
                        .setId(functionId).setName(name).setSystemName(name).setFilename(file));
            }
            out.addLocation(ProfileProto.Location.newBuilder().setId(frame + 1L)
                    .addLine(ProfileProto.Line.newBuilder().setFunctionId(functionId).setLine(frames.line(frame))));
        }
    }

    private void writeSamples(CallTree tree) {
        long[] path = new long[tree.size()];
        int[] depthOf = new int[tree.size()];
        for (int node : new TreeWalk(tree).preorder()) {
            if (node != CallTree.ROOT) {
                depthOf[node] = depthOf[tree.parent(node)] + 1;
                path[depthOf[node] - 1] = tree.frame(node) + 1L;
            }
            if (hasValue(tree, node)) {
                ProfileProto.Sample.Builder sample = out.addSampleBuilder();
                for (int d = depthOf[node] - 1; d >= 0; d--) {
                    sample.addLocationId(path[d]);
                }
                for (int type = 0; type < tree.types(); type++) {
                    sample.addValue(tree.self(node, type));
                }
            }
        }
    }

    /** One sample per timeline entry (a timeline holds every sample of the tree), with its time as a label. */
    private void writeTimedSamples(CallTree tree, Timeline timeline) {
        long key = strings.intern(TIMESTAMP_LABEL);
        long unit = strings.intern(TIMESTAMP_UNIT);
        for (int s = 0; s < timeline.size(); s++) {
            ProfileProto.Sample.Builder sample = out.addSampleBuilder();
            for (int node = timeline.node(s); node != CallTree.ROOT; node = tree.parent(node)) {
                sample.addLocationId(tree.frame(node) + 1L);
            }
            for (int type = 0; type < tree.types(); type++) {
                sample.addValue(timeline.value(s, type));
            }
            sample.addLabel(ProfileProto.Label.newBuilder().setKey(key).setNum(timeline.time(s)).setNumUnit(unit));
        }
    }

    private static boolean hasValue(CallTree tree, int node) {
        for (int type = 0; type < tree.types(); type++) {
            if (tree.self(node, type) != 0) {
                return true;
            }
        }
        return false;
    }

    private ProfileProto.ValueType valueType(SampleType type) {
        return ProfileProto.ValueType.newBuilder()
                .setType(strings.intern(type.type())).setUnit(strings.intern(type.unit())).build();
    }
}
