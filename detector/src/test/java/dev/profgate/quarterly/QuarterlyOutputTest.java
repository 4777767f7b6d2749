package dev.profgate.quarterly;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * counts are bytes / period) gives, run after run, exactly the JSON that the call-tree implementation (commit 59a7114,
 * before the counts were taken straight from the samples) wrote for it: {@code quarterly/fixture-quarter.report.json},
 * its profile folder written as {@code PROFILES}.
 */
class QuarterlyOutputTest {
    private static final Path FIXTURES = Path.of(System.getProperty("profgate.fixtures", "../../shared/fixtures"),
            "pprof");

    @TempDir
    Path dir;

    @Test
    void reportIsTheCallTreeImplementationsByteForByteEveryRun() throws IOException, URISyntaxException {
        Path profiles = dir.resolve("profiles");
        for (String day : List.of("2025-12-04", "2025-12-11", "2025-12-18", "2025-12-25", "2026-01-01", "2026-01-08")) {
            copy("go-payments-v1.cpu.pb.gz", profiles.resolve("payments").resolve(day + ".pb.gz"));
        }
        for (String day : List.of("2026-01-15", "2026-01-22")) {
            copy("go-payments-v2-regex-per-call.cpu.pb.gz", profiles.resolve("payments").resolve(day + ".pb.gz"));
        }
        copy("large.cpu.pb.gz", profiles.resolve("large").resolve("2026-01-01.pb.gz"));
        copy("large.cpu.pb.gz", profiles.resolve("large").resolve("2026-01-15.pb.gz"));
        copy("java.heap.pb.gz", profiles.resolve("heap").resolve("2026-01-08.pb.gz"));
        // hidden: not a service (a report folder staged by a killed run, say), so the report is the same without it
        copy("go-payments-v2-regex-per-call.cpu.pb.gz", profiles.resolve(".q.tmp-1").resolve("2026-01-15.pb.gz"));
        String expected = Files.readString(Path.of(getClass().getResource("/quarterly/fixture-quarter.report.json")
                .toURI())).replace("PROFILES", profiles.toString());
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
                .execute("quarterly", "--from", "2026-01-01", "--to", "2026-01-29", "--profiles", profiles.toString(),
                        "--out", out.toString());
        assertEquals(0, exit, err.toString());
        return out;
    }

    private static void copy(String fixture, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(FIXTURES.resolve(fixture), to);
    }
}
