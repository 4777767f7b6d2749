package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User errors of {@code profgate top}: exit code 2 and one line naming the input and the problem. */
class TopCommandTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        assertUserError(dir.resolve("nope.pb.gz").toString(), "nope.pb.gz: no such file");
    }

    @Test
    void directory() {
        assertUserError(dir.toString(), ": is a directory");
    }

    @Test
    void notAProfile() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.pb.gz"), "just some notes\n");
        assertUserError(text.toString(), "notes.pb.gz: not a recognised profile (pprof, JFR, collapsed stacks)");
    }

    @Test
    void unknownSampleType() {
        Path heap = TestFiles.fixturesPprof().resolve("java.heap.pb.gz");
        assertUserError(heap.toString(), "no sample type 'alloc_space'; available: inuse_objects, inuse_space",
                "--type", "alloc_space");
    }

    private static void assertUserError(String file, String message, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[options.length + 2];
        args[0] = "top";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = file;
        int exit = Main.getCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        assertEquals(2, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("profgate: error: "), err.toString());
        assertTrue(err.toString().contains(message), err.toString());
        assertEquals("", out.toString());
    }
}
