package dev.profgate.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import dev.profgate.format.pprof.ProfileProto;
import dev.profgate.model.CallTree;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.ProfileHeader;
import dev.profgate.model.SampleType;
import dev.profgate.model.Timeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-sample timestamps survive pprof as the numeric sample label "timestamp" (nanoseconds), as JFR has them. */
class PprofTimelineTest {
    private static final List<SampleType> TYPES = List.of(new SampleType("samples", "count"),
            new SampleType("cpu", "nanoseconds"));

    @Test
    void timelineEntriesComeBackWithTheirTimesStacksAndValues() {
        Profile original = timedProfile();
        Profile copy = roundTrip(original);
        assertTrue(copy.hasTimeline());
        assertEquals(entries(original), entries(copy));
        assertEquals(original.tree().total(1), copy.tree().total(1));
    }

    @Test
    void splitByTimeGivesTheSameWindowsAfterTheRoundTrip() {
        Profile original = timedProfile();
        List<Long> before = original.splitByTime(2).stream().map(p -> p.tree().total(0)).toList();
        List<Long> after = roundTrip(original).splitByTime(2).stream().map(p -> p.tree().total(0)).toList();
        assertEquals(before, after);
    }

    @Test
    void profilesWithoutTimestampLabelsHaveNoTimeline() throws Exception {
        for (Path file : TestFiles.pprofProfiles()) {
            try (InputStream in = TestFiles.open(file)) {
                assertFalse(PprofReader.read(in, file.toString()).hasTimeline(), file.toString());
            }
        }
    }

    @Test
    void oneSampleWithoutTheLabelMeansNoTimeline() {
        SyntheticProfiles.Strings s = new SyntheticProfiles.Strings();
        ProfileProto.Profile.Builder p = ProfileProto.Profile.newBuilder()
                .addSampleType(ProfileProto.ValueType.newBuilder().setType(s.id("samples")).setUnit(s.id("count")))
                .addFunction(ProfileProto.Function.newBuilder().setId(1).setName(s.id("main")))
                .addLocation(ProfileProto.Location.newBuilder().setId(1)
                        .addLine(ProfileProto.Line.newBuilder().setFunctionId(1)));
        p.addSample(ProfileProto.Sample.newBuilder().addLocationId(1).addValue(1).addLabel(ProfileProto.Label
                .newBuilder().setKey(s.id("timestamp")).setNum(5).setNumUnit(s.id("nanoseconds"))));
        p.addSample(ProfileProto.Sample.newBuilder().addLocationId(1).addValue(1));
        Profile profile = PprofReader.read(new ByteArrayInputStream(s.into(p).build().toByteArray()), "one-unlabelled");
        assertFalse(profile.hasTimeline());
        assertEquals(2, profile.tree().total(0));
    }

    /** Two stacks sampled at interleaved times, the tree being the timeline summed per node. */
    private static Profile timedProfile() {
        FrameTable frames = new FrameTable();
        int main = frames.intern("app.Main.main", "Main.java", 10);
        int parse = frames.intern("app.Parser.parse", "Parser.java", 42);
        int hash = frames.intern("app.Hash.compute", "Hash.java", 7);
        CallTree tree = new CallTree(TYPES.size());
        int parseNode = tree.addStack(new int[] {parse, main}, 2);
        int hashNode = tree.addStack(new int[] {hash, main}, 2);
        Timeline timeline = new Timeline(TYPES.size());
        long start = 1_700_000_000_000_000_000L;
        for (int i = 0; i < 20; i++) {
            int node = i % 3 == 0 ? hashNode : parseNode;
            int entry = timeline.add(node, start + i * 10_000_000L + i);
            timeline.set(entry, 0, 1);
            timeline.set(entry, 1, 10_000_000L);
            tree.addSelf(node, 0, 1);
            tree.addSelf(node, 1, 10_000_000L);
        }
        ProfileHeader header = new ProfileHeader(TYPES, 1, TYPES.get(1), 10_000_000L, start, 200_000_000L);
        return new Profile("timed", header, frames, tree, timeline);
    }

    private static Profile roundTrip(Profile profile) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PprofWriter.write(profile, bytes);
        return PprofReader.read(new ByteArrayInputStream(bytes.toByteArray()), "copy");
    }

    /** Each entry as "time leaf-function values". */
    private static List<String> entries(Profile profile) {
        Timeline timeline = profile.timeline();
        List<String> entries = new ArrayList<>();
        for (int s = 0; s < timeline.size(); s++) {
            int frame = profile.tree().frame(timeline.node(s));
            entries.add(timeline.time(s) + " " + profile.frames().function(frame) + " " + timeline.value(s, 0) + " "
                    + timeline.value(s, 1));
        }
        return entries;
    }
}
