package dev.profgate.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PprofSignatureTest {
    @Test
    void everyRecordedProfileIsRecognised() throws IOException {
        List<Path> recordings = recordings();
        assertTrue(recordings.size() >= 84, recordings.size() + " recordings");
        for (Path file : recordings) {
            assertEquals(Optional.of(ProfileFormat.PPROF), ProfileFormat.recognise(file), file.toString());
        }
    }

    /** A folder's file is told from its first bytes, which may end anywhere: inside a tag, a length or a number. */
    @Test
    void everyPrefixOfARealProfileStartsLikeOne() throws IOException {
        List<Path> profiles = Stream.concat(TestFiles.pprofProfiles().stream(), recordings().stream().limit(8)).toList();
        for (Path file : profiles) {
            byte[] raw = gunzip(file);
            for (int length = 1; length <= Math.min(raw.length, 1024); length++) {
                assertTrue(PprofSignature.matches(Arrays.copyOf(raw, length)), file + " cut at " + length);
            }
        }
    }

    @Test
    void fieldsThatProfileProtoDoesNotHaveOrWithAnotherWireTypeAreNoProfile() {
        assertFalse(PprofSignature.matches(new byte[0]));
        assertFalse(PprofSignature.matches(new byte[] {0x08, 0x01}), "sample_type as a number");
        assertFalse(PprofSignature.matches(new byte[] {0x48, 0x01, 0x4a, 0x00}), "time_nanos as bytes");
        assertFalse(PprofSignature.matches(new byte[] {(byte) 0x80, 0x01, 0x00}), "field 16");
        assertFalse(PprofSignature.matches(new byte[] {0x0b}), "a group");
        assertFalse(PprofSignature.matches(new byte[] {0x48, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0x01}),
                "a varint of 11 bytes");
        assertTrue(PprofSignature.matches(new byte[] {0x68, 0x05, 0x6a, 0x01, 0x07}), "comment, unpacked and packed");
    }

    private static List<Path> recordings() throws IOException {
        try (Stream<Path> files = Files.walk(TestFiles.recordings())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pb.gz")).sorted().toList();
        }
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
