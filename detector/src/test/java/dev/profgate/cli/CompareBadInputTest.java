package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.profgate.format.pprof.ProfileProto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends in exit code 2 and one line on stderr naming the input, never a stack trace. */
class CompareBadInputTest {
    private static final String V1 = CompareCommandTest.V1;

    @TempDir
    Path tmp;

    @Test
    void truncatedGzip() throws IOException {
        byte[] gz = Files.readAllBytes(Path.of(V1));
        assertRejectedAsHead(write("truncated.pb.gz", Arrays.copyOf(gz, gz.length / 2)));
    }

    @Test
    void randomBytes() throws IOException {
        assertRejectedAsHead(write("random.pb.gz", random()));
    }

    @Test
    void validGzipOfGarbage() throws IOException {
        assertRejectedAsHead(write("garbage.pb.gz", gzip(random())));
    }

    @Test
    void emptyFile() throws IOException {
        assertRejectedAsHead(write("empty.pb.gz", new byte[0]));
    }

    @Test
    void profileWithZeroSamples() throws IOException {
        ProfileProto.Profile empty = ProfileProto.Profile.newBuilder()
                .addStringTable("").addStringTable("samples").addStringTable("count")
                .addStringTable("cpu").addStringTable("nanoseconds")
                .addSampleType(ProfileProto.ValueType.newBuilder().setType(1).setUnit(2))
                .addSampleType(ProfileProto.ValueType.newBuilder().setType(3).setUnit(4))
                .setPeriodType(ProfileProto.ValueType.newBuilder().setType(3).setUnit(4)).setPeriod(10_000_000)
                .build();
        assertRejectedAsHead(write("idle.pb.gz", gzip(empty.toByteArray())));
    }

    @Test
    void mismatchedSampleTypesBetweenSides() {
        Path heap = Path.of(V1).resolveSibling("java.heap.pb.gz");
        assertOneLine(CliRun.of("compare", "--base", V1, "--head", heap.toString()), heap);
        assertTrue(CliRun.of("compare", "--base", V1, "--head", heap.toString()).err().contains("'cpu'"));
        CliRun heapFirst = CliRun.of("compare", "--base", heap.toString(), "--head", V1);
        assertOneLine(heapFirst, Path.of(V1));
        assertTrue(heapFirst.err().contains("'inuse_space'"), heapFirst.err());
    }

    @Test
    void missingFile() {
        assertRejectedAsHead(tmp.resolve("missing.pb.gz"));
    }

    @Test
    void directoryWithNoProfiles() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("no-profiles"));
        Files.writeString(dir.resolve("README.md"), "nothing here");
        assertRejectedAsHead(dir);
    }

    @Test
    void textOrJsonIsNotARecognisedProfile() throws IOException {
        for (Path file : List.of(Files.writeString(tmp.resolve("notes.txt"), "Recorded on the CI host.\n"),
                Files.writeString(tmp.resolve("profile.json"), "{\"samples\": [1, 2]}\n"))) {
            CliRun run = CliRun.of("compare", "--base", V1, "--head", file.toString());
            assertOneLine(run, file);
            assertEquals("profgate: error: " + file + ": not a recognised profile (pprof, JFR, collapsed stacks)",
                    run.errLines().get(0));
        }
    }

    @Test
    void aLegacyPprofProfileSaysSoAndHowToConvertIt() throws IOException {
        Path heap = Files.writeString(tmp.resolve("heap.prof"), "heap profile: 1: 512 [1: 512] @ heap/524288\n"
                + "1: 512 [1: 512] @ 0x4a3b1c 0x4a2f00\n");
        CliRun run = CliRun.of("compare", "--base", V1, "--head", heap.toString());
        assertOneLine(run, heap);
        assertEquals("profgate: error: " + heap + ": a legacy pprof heap profile, which profgate does not read; "
                + "convert it to the protobuf format: go tool pprof -proto " + heap + " > " + heap + ".pb.gz",
                run.errLines().get(0));
    }

    @Test
    void anOutFolderUnderAFileNamesTheFileAndWhy() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes"), "x");
        Path out = file.resolve("reports");
        CliRun run = CliRun.of("compare", "--base", V1, "--head", V1, "--out", out.toString());
        assertEquals(List.of("profgate: error: " + out + ": cannot write the reports: " + file
                + " is a file, not a folder"), run.errLines());
        assertEquals(2, run.exit());
    }

    @Test
    void aReadOnlyOutFolderIsNamedWithTheReason() throws IOException {
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(locked), "root writes into read-only folders");
        Path out = locked.resolve("reports");
        CliRun run = CliRun.of("compare", "--base", V1, "--head", V1, "--out", out.toString());
        assertEquals(List.of("profgate: error: " + out + ": cannot write the reports: permission denied in "
                + locked), run.errLines());
        assertEquals(2, run.exit());
    }

    @Test
    void notesAndMarkersInAFolderAreSkippedAndNamedButANamedNoteIsBadInput() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("runs"));
        Files.copy(Path.of(V1), dir.resolve("r1.pb.gz"));
        Files.copy(Path.of(V1), dir.resolve("r2.pb.gz"));
        Path readme = Files.writeString(dir.resolve("README.md"), "# Runs\nTwo runs of v1.\n");
        Files.write(dir.resolve(".gitkeep"), new byte[0]);
        CliRun run = CliRun.of("compare", "--base", dir.toString(), "--head", V1);
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("note: Skipped, not a profile: " + readme + ".\n"), run.out());
        assertFalse(run.out().contains(".gitkeep"), run.out());
        assertRejectedAsHead(readme);
    }

    @Test
    void malformedPolicyFile() throws IOException {
        Path config = Files.writeString(tmp.resolve("profgate.yml"), "fdr: [0.05\nfail: {absolute: \n");
        assertOneLine(CliRun.of("compare", "--base", V1, "--head", V1, "--config", config.toString()), config);
        Path unknownKey = Files.writeString(tmp.resolve("typo.yml"), "fdrr: 0.05\n");
        assertOneLine(CliRun.of("compare", "--base", V1, "--head", V1, "--config", unknownKey.toString()), unknownKey);
    }

    @Test
    void usageErrorsAreOneLineToo() {
        CliRun run = CliRun.of("compare", "--base", V1);
        assertEquals(2, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("--head"), run.err());
        CliRun badFormat = CliRun.of("compare", "--base", V1, "--head", V1, "--format", "pdf");
        assertEquals(2, badFormat.exit());
        assertEquals(1, badFormat.errLines().size(), badFormat.err());
    }

    private void assertRejectedAsHead(Path head) {
        assertOneLine(CliRun.of("compare", "--base", V1, "--head", head.toString()), head);
        assertOneLine(CliRun.of("compare", "--base", head.toString(), "--head", V1), head);
    }

    private static void assertOneLine(CliRun run, Path input) {
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("profgate: error: ") && line.contains(input.toString()), line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);
        assertEquals("", run.out());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static byte[] random() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }
}
