package dev.profgate.format;

import static dev.profgate.format.SyntheticProfiles.location;
import static dev.profgate.format.SyntheticProfiles.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import dev.profgate.base.BadInputException;
import dev.profgate.format.pprof.ProfileProto;
import dev.profgate.model.FrameTable;
import dev.profgate.model.Profile;
import dev.profgate.model.SampleType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PprofReaderTest {
    private static final Path PAYMENTS = TestFiles.fixturesPprof().resolve("go-payments-v1.cpu.pb.gz");
    private static final Path EDGE_CASES = TestFiles.resourcesPprof().resolve("edge-cases.pb.gz");

    @Test
    void keepsTheHeaderPprofShows() throws IOException {
        // go tool pprof -raw: "PeriodType: cpu nanoseconds", "Period: 10000000", "samples/count cpu/nanoseconds",
        // no [dflt] marker, so the default is the last column.
        Profile profile = read(PAYMENTS);
        assertEquals(List.of(new SampleType("samples", "count"), new SampleType("cpu", "nanoseconds")),
                profile.header().sampleTypes());
        assertEquals(1, profile.header().defaultType());
        assertEquals(new SampleType("cpu", "nanoseconds"), profile.header().periodType());
        assertEquals(10_000_000, profile.header().period());
        assertTrue(profile.header().timeNanos() > 0);
        long duration = profile.header().durationNanos();
        assertTrue(duration > 6_800_000_000L && duration < 6_900_000_000L, "pprof shows 6.85s: " + duration);
        assertEquals(profile.tree().total(0) * 10_000_000, profile.tree().total(1));
    }

    @Test
    void defaultSampleTypeNamesTheDefaultColumn() throws IOException {
        Profile profile = read(EDGE_CASES);
        assertEquals(0, profile.header().defaultType());
        assertEquals("calls", profile.header().sampleTypes().get(0).type());
    }

    @Test
    void expandsInlineLinesInnermostFirst() throws IOException {
        FrameTable frames = read(EDGE_CASES).frames();
        int index = frame(frames, "strings.Index", 10);
        int parse = frame(frames, "main.parse", 20);
        assertTrue(frames.inlined(index), "strings.Index:10 is line[0], inlined into main.parse");
        assertFalse(frames.inlined(parse), "main.parse:20 is the location's last line, the real call");
        assertEquals("strings/strings.go", frames.file(index));
        assertFalse(frames.inlined(frame(frames, "strings.Index", 12)));
    }

    @Test
    void rawProtobufReadsLikeGzippedWhateverTheName() throws IOException {
        byte[] raw;
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(PAYMENTS))) {
            raw = gz.readAllBytes();
        }
        Profile fromRaw = PprofReader.read(new ByteArrayInputStream(raw), "cpu.pb.gz");
        Profile fromGzip = read(PAYMENTS);
        for (int type = 0; type < 2; type++) {
            assertEquals(fromGzip.tree().total(type), fromRaw.tree().total(type));
        }
        assertEquals(fromGzip.tree().size(), fromRaw.tree().size());
    }

    @Test
    void zeroSamplesIsNotAnErrorHere() {
        Profile profile = read(edgeCases(p -> p.clearSample()));
        assertTrue(profile.isEmpty());
        assertEquals(2, profile.header().sampleTypes().size());
    }

    @Test
    void profileWithoutPeriodTypeHasNone() throws IOException {
        assertNull(read(edgeCases(p -> p.clearPeriodType())).header().periodType());
        // go tool pprof -raw java.heap.pb.gz: "PeriodType:  " (written by pprof as an empty type and unit)
        assertNull(read(TestFiles.fixturesPprof().resolve("java.heap.pb.gz")).header().periodType());
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] whole = Files.readAllBytes(PAYMENTS);
        assertProblem(Arrays.copyOf(whole, whole.length / 2), "truncated gzip data");
    }

    @Test
    void randomBytes() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertProblem(noise, "not a pprof profile");
    }

    @Test
    void validGzipOfGarbage() throws IOException {
        byte[] text = "this is a log file, not a profile\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        assertProblem(SyntheticProfiles.gzip(text), "not a pprof profile");
    }

    @Test
    void emptyFile() {
        assertProblem(new byte[0], "empty file");
    }

    @Test
    void gzipOfNothing() throws IOException {
        assertProblem(SyntheticProfiles.gzip(new byte[0]), "decompresses to nothing");
    }

    @Test
    void corruptGzip() throws IOException {
        byte[] gz = Files.readAllBytes(PAYMENTS);
        for (int i = 20; i < 200; i++) {
            gz[i] = (byte) ~gz[i];
        }
        assertProblem(gz, "corrupt gzip data");
    }

    @Test
    void noSampleTypes() {
        assertProblem(edgeCases(p -> p.clearSampleType()), "no sample types");
    }

    @Test
    void sampleWithTheWrongNumberOfValues() {
        assertProblem(edgeCases(p -> p.addSample(sample(new long[] {5}, 1))),
                "sample 11 has 1 values but the profile has 2 sample types");
    }

    @Test
    void sampleReferringToAMissingLocation() {
        assertProblem(edgeCases(p -> p.addSample(sample(new long[] {5, 404}, 1, 1))),
                "sample 11 refers to location id 404, which does not exist");
    }

    @Test
    void lineReferringToAMissingFunction() {
        assertProblem(edgeCases(p -> p.addLocation(location(99, 7, SyntheticProfiles.line(404, 1)))),
                "location id 99 refers to function id 404, which does not exist");
    }

    @Test
    void duplicateLocationId() {
        assertProblem(edgeCases(p -> p.addLocation(location(5, 7))), "two locations have id 5");
    }

    @Test
    void stringIndexOutsideTheTable() {
        assertProblem(edgeCases(p -> p.setDefaultSampleType(10_000)), "string index 10000 is outside the string table");
    }

    @Test
    void stringTableNotStartingWithTheEmptyString() {
        assertProblem(edgeCases(p -> p.setStringTable(0, "oops")), "string_table[0] must be the empty string");
    }

    @Test
    void wrongWireType() {
        // field 2 (sample) as a varint instead of an embedded message
        assertProblem(new byte[] {0x10, 0x05}, "Profile.sample has wire type 0 instead of 2");
    }

    private static void assertProblem(byte[] input, String problem) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> PprofReader.read(new ByteArrayInputStream(input), "input.pb.gz"));
        assertTrue(e.getMessage().startsWith("input.pb.gz: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static byte[] edgeCases(UnaryOperator<ProfileProto.Profile.Builder> change) {
        return change.apply(SyntheticProfiles.edgeCases().toBuilder()).build().toByteArray();
    }

    private static Profile read(byte[] data) {
        return PprofReader.read(new ByteArrayInputStream(data), "synthetic.pb");
    }

    private static Profile read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return PprofReader.read(in, file.getFileName().toString());
        }
    }

    private static int frame(FrameTable frames, String function, int line) {
        for (int f = 0; f < frames.size(); f++) {
            if (frames.function(f).equals(function) && frames.line(f) == line) {
                return f;
            }
        }
        throw new AssertionError("no frame " + function + ":" + line);
    }
}
