package dev.profgate.quarterly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.profgate.base.Version;
import dev.profgate.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarterly report's output does not change with how it is computed: a quarter of the pprof fixtures (three
 * services read on two threads; the regex fixture's anti-patterns, the previous quarter's weeks, a heap profile whose
 * counts are bytes / period: {@link FixtureQuarter}) gives, run after run, exactly the JSON that the call-tree
 * implementation (commit 59a7114, before the counts were taken straight from the samples) wrote for it:
 * {@code quarterly/fixture-quarter.report.json}, its profile folder written as {@code PROFILES}, the version and
 * commit of the profgate that writes it as {@code $VERSION} and {@code $COMMIT}.
 */
class QuarterlyOutputTest {
    @TempDir
    Path dir;

    @Test
    void reportIsTheCallTreeImplementationsByteForByteEveryRun() throws IOException, URISyntaxException {
        Path profiles = FixtureQuarter.write(dir.resolve("profiles"));
        String expected = Files.readString(Path.of(getClass().getResource("/quarterly/fixture-quarter.report.json")
                .toURI())).replace("PROFILES", profiles.toString()).replace("$VERSION", Version.NUMBER)
                .replace("$COMMIT", Version.COMMIT);
        Path first = report(profiles, "first");
        Path second = report(profiles, "second");
        assertEquals(expected, Files.readString(first.resolve("report.json")));
        assertEquals(expected, Files.readString(second.resolve("report.json")));
        assertEquals(Files.readString(first.resolve("report.md")), Files.readString(second.resolve("report.md")));
    }

    private Path report(Path profiles, String name) {
        Path out = dir.resolve(name);
        StringWriter err = new StringWriter();
        int exit = Main.getCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("quarterly", "--from", FixtureQuarter.FROM, "--to", FixtureQuarter.TO, "--profiles",
                        profiles.toString(), "--out", out.toString());
        assertEquals(0, exit, err.toString());
        return out;
    }
}
