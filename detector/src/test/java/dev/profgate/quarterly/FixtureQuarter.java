package dev.profgate.quarterly;

import dev.profgate.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A quarter of the pprof fixtures as a folder of dated profiles, one folder per service: {@code payments} weekly
 * from {@code go-payments-v1} to {@code go-payments-v2-regex-per-call} (and the previous quarter's weeks),
 * {@code large} twice, {@code heap} once, and a hidden folder that is no service.
 */
public final class FixtureQuarter {
    /** The quarter's first day, as {@code --from} takes it. */
    public static final String FROM = "2026-01-01";
    /** The day after the quarter, as {@code --to} takes it. */
    public static final String TO = "2026-01-29";

    private FixtureQuarter() {
    }

    /** Writes the quarter's profiles into {@code profiles} (created) and returns it. */
    public static Path write(Path profiles) throws IOException {
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
        return profiles;
    }

    private static void copy(String fixture, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(TestFiles.fixturesPprof().resolve(fixture), to);
    }
}
