package dev.profgate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.BadInputException;
import dev.profgate.format.ProfileFormat;
import dev.profgate.model.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
    private static final Path FIXTURES = Path.of(System.getProperty("profgate.fixtures", "../../shared/fixtures"), "pprof");
    private static final Path GO_CPU = FIXTURES.resolve("go-payments-v1.cpu.pb.gz");
    private static final byte[] FOLDED = "main;work;spin 7\nmain;idle 3\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOTES = "Recorded on the CI host.\nSee the README.\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PNG = "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ZIP = "PK\u0003\u0004\u0014\0\0\0\u0008\0".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    @Test
    void detectsEveryFormatFromContentNotName() throws Exception {
        Path rawPprof = write("a.gz", gunzip(Files.readAllBytes(GO_CPU)));
        Path gzPprof = Files.copy(GO_CPU, dir.resolve("profile.txt"));
        Path folded = write("stacks.pb.gz", "main;work;spin 7\nmain;idle 3\n".getBytes(StandardCharsets.UTF_8));
        Path foldedGz = write("stacks.jfr", gzip("main;work 2\n".getBytes(StandardCharsets.UTF_8)));
        Path jfr = recordJfr();
        assertEquals(ProfileFormat.PPROF, ProfileFormat.detect(rawPprof));
        assertEquals(ProfileFormat.PPROF, ProfileFormat.detect(gzPprof));
        assertEquals(ProfileFormat.COLLAPSED, ProfileFormat.detect(folded));
        assertEquals(ProfileFormat.COLLAPSED, ProfileFormat.detect(foldedGz));
        assertEquals(ProfileFormat.JFR, ProfileFormat.detect(jfr));
        assertEquals(ProfileFormat.read(gzPprof).tree().total(1), ProfileFormat.read(rawPprof).tree().total(1));
        assertEquals(10, ProfileFormat.read(folded).tree().total(0));
        assertEquals(2, ProfileFormat.read(foldedGz).tree().total(0));
    }

    @Test
    void directoriesAndGlobsExpandToOneReplicatePerFileInNameOrder() throws Exception {
        Files.copy(GO_CPU, dir.resolve("r2.pb.gz"));
        Files.copy(GO_CPU, dir.resolve("r1.pb.gz"));
        write("README.md", "notes".getBytes(StandardCharsets.UTF_8));
        write(".hidden", "x".getBytes(StandardCharsets.UTF_8));
        List<Profile> fromDir = ProfileLoader.load(List.of(dir.toString()));
        assertEquals(List.of("r1.pb.gz", "r2.pb.gz"), fromDir.stream().map(p -> Path.of(p.source()).getFileName().toString()).toList());
        assertEquals(2, ProfileLoader.load(List.of(dir.resolve("r*.pb.gz").toString())).size());
        assertEquals(1, ProfileLoader.load(List.of(dir.resolve("r2.pb.gz").toString())).size());
    }

    @Test
    void recognisesNoProfileFormatInNotesMarkersAndOtherFiles() throws Exception {
        Path rawPprof = write("raw", gunzip(Files.readAllBytes(GO_CPU)));
        assertEquals(Optional.of(ProfileFormat.PPROF), ProfileFormat.recognise(rawPprof));
        assertEquals(Optional.of(ProfileFormat.PPROF), ProfileFormat.recognise(GO_CPU));
        assertEquals(Optional.of(ProfileFormat.JFR), ProfileFormat.recognise(recordJfr()));
        assertEquals(Optional.of(ProfileFormat.COLLAPSED), ProfileFormat.recognise(write("f", FOLDED)));
        for (Path notProfile : List.of(write("empty", new byte[0]), write("notes.txt", NOTES),
                write("notes.gz", gzip(NOTES)), write("picture.png", PNG), write("raw.zip", ZIP))) {
            assertEquals(Optional.empty(), ProfileFormat.recognise(notProfile), notProfile.toString());
            assertEquals(notProfile + ": not a recognised profile (pprof, JFR, collapsed stacks)",
                    assertThrows(BadInputException.class, () -> ProfileFormat.detect(notProfile)).getMessage());
        }
    }

    @Test
    void aFolderSkipsWhatIsNotAProfileAndNamesItButANamedFileMustBeOne() throws Exception {
        Files.copy(GO_CPU, dir.resolve("r1.pb.gz"));
        write("r2.txt", FOLDED);
        Path readme = write("README.md", "# Runs\n".getBytes(StandardCharsets.UTF_8));
        write(".gitkeep", new byte[0]);
        Path keep = write("KEEP", new byte[0]);
        Path notes = write("notes.txt", NOTES);
        Path png = write("flame.png", PNG);
        ProfileFiles files = ProfileLoader.find(List.of(dir.toString()));
        assertEquals(List.of(dir.resolve("r1.pb.gz"), dir.resolve("r2.txt")), files.profiles());
        assertEquals(List.of(keep, readme, png, notes), files.skipped());
        assertEquals(Optional.of("Skipped, not a profile: " + keep + ", " + readme + ", " + png + ", " + notes + "."),
                files.note());
        assertEquals(2, ProfileLoader.load(List.of(dir.toString())).size());
        assertEquals(files.profiles(), ProfileLoader.find(List.of(dir + "/r*")).profiles());
        assertEquals(Optional.empty(), ProfileLoader.find(List.of(dir.resolve("r1.pb.gz").toString())).note());
        for (Path named : List.of(readme, keep, notes, png)) {
            assertRejected(named, named.getFileName().toString());
        }
    }

    @Test
    void aFolderOfNoProfileIsBadInputNamingWhatItSkipped() throws Exception {
        Path only = Files.createDirectory(dir.resolve("only-notes"));
        Files.write(only.resolve("README.md"), NOTES);
        Files.write(only.resolve(".gitkeep"), new byte[0]);
        assertRejected(only, "directory contains no profiles (skipped, not a profile: " + only.resolve("README.md")
                + ")");
        assertRejected(only.resolve("*"), "no profile matches");
    }

    @Test
    void badInputGivesOneLineNamingTheInput() throws Exception {
        byte[] gz = Files.readAllBytes(GO_CPU);
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        assertRejected(write("truncated.pb.gz", Arrays.copyOf(gz, gz.length / 2)), "truncated");
        assertRejected(write("random.bin", random), "random.bin");
        assertRejected(write("garbage.pb.gz", gzip(random)), "garbage.pb.gz");
        assertRejected(write("empty.pb.gz", new byte[0]), "empty");
        assertRejected(write("zero.txt", "main;work 0\n".getBytes(StandardCharsets.UTF_8)), "no samples");
        assertRejected(dir.resolve("missing.pb.gz"), "no such file");
        Files.createDirectory(dir.resolve("nothing"));
        assertRejected(dir.resolve("nothing"), "no profiles");
        assertRejected(dir.resolve("nothing/*.pb.gz"), "no profile matches");
    }

    private void assertRejected(Path input, String problem) {
        BadInputException e = assertThrows(BadInputException.class, () -> ProfileLoader.load(List.of(input.toString())));
        assertTrue(e.getMessage().startsWith(input.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private Path recordJfr() throws IOException {
        Path file = dir.resolve("recording.bin");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
            recording.start();
            long end = System.nanoTime() + 300_000_000L;
            double x = 0;
            while (System.nanoTime() < end) {
                x += Math.sqrt(x + 1);
            }
            recording.stop();
            recording.dump(file);
            assertTrue(x > 0);
        }
        return file;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
