package dev.profgate.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The quarter of weekly JFR profiles of one service ({@code checkout}) recorded by {@link QuarterWorkload} once per
 * test JVM and shared by the tests that read it (the report's content, its look in the browser); deleted when the JVM
 * exits.
 */
public final class RecordedQuarter {
    public static final String FROM = "2026-01-01";
    public static final String TO = "2026-04-01";
    public static final int WEEKS = 13;
    public static final int REGEX_WEEK = 7;
    public static final String GROWER = "dev.profgate.workload.QuarterWorkload.grow";
    private static Path profiles;

    private RecordedQuarter() {
    }

    /** The folder of the service's profiles, one per week named by its first day; recorded on first use. */
    public static synchronized Path profiles() throws Exception {
        if (profiles == null) {
            Path root = Files.createTempDirectory("profgate-quarter");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            Path folder = root.resolve("checkout");
            WorkloadRecorder.selfRecording(QuarterWorkload.class, folder, folder.toString(), FROM,
                    String.valueOf(WEEKS), String.valueOf(REGEX_WEEK), "1000").await();
            profiles = folder;
        }
        return profiles;
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
