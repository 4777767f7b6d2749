package dev.profgate.quarterly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.profgate.base.Version;
import dev.profgate.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void eachWeekReadOfEachServiceIsOneLineOnStandardError() throws IOException {
        Path profiles = FixtureQuarter.write(dir.resolve("profiles"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.getCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("quarterly",
                "--from", FixtureQuarter.FROM, "--to", FixtureQuarter.TO, "--profiles", profiles.toString(), "--out",
                dir.resolve("report").toString());
        assertEquals(0, exit, err.toString());
        List<String> lines = err.toString().lines().toList();
        assertEquals(List.of("previous quarter's week 1/4 from 2025-12-04",
                "previous quarter's week 2/4 from 2025-12-11", "previous quarter's week 3/4 from 2025-12-18",
                "previous quarter's week 4/4 from 2025-12-25",
                "week 1/4 from 2026-01-01", "week 2/4 from 2026-01-08", "week 3/4 from 2026-01-15",
                "week 4/4 from 2026-01-22").stream().map(week -> "profgate: read payments: " + week + " (1 profile)")
                .toList(), lines.stream().filter(line -> line.startsWith("profgate: read payments: ")).toList());
        assertEquals(List.of("profgate: read large: week 1/4 from 2026-01-01 (1 profile)",
                "profgate: read large: week 3/4 from 2026-01-15 (1 profile)"),
                lines.stream().filter(line -> line.startsWith("profgate: read large: ")).toList());
        assertEquals(List.of("profgate: read heap: week 2/4 from 2026-01-08 (1 profile)"),
                lines.stream().filter(line -> line.startsWith("profgate: read heap: ")).toList());
        assertEquals(11, lines.size(), err.toString());
        assertFalse(out.toString().contains("profgate: read"), out.toString());
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
