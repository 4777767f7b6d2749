package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs and options give byte-identical report folders: two in-process runs of {@code compare} on the demo's
 * six real replicates per side, and a third with each side's replicates listed in reverse order (the statistics
 * treat replicates as a set, so their order must not show).
 */
class DeterminismTest {
    private static final Path DEMO = Path.of(System.getProperty("profgate.repo", ".."), "baselines", "demo");

    @TempDir
    Path tmp;

    @Test
    void twoRunsGiveIdenticalBytesInEveryReportFile() throws IOException {
        Path first = compare(replicates("base"), replicates("head"), "first");
        Path second = compare(replicates("base"), replicates("head"), "second");
        assertSameFolders(first, second);
    }

    @Test
    void replicateOrderDoesNotChangeTheReports() throws IOException {
        Path listed = compare(replicates("base"), replicates("head"), "listed");
        Path reversed = compare(reversed(replicates("base")), reversed(replicates("head")), "reversed");
        assertSameFolders(listed, reversed);
    }

    private Path compare(List<String> base, List<String> head, String name) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("compare", "--base"));
        args.addAll(base);
        args.add("--head");
        args.addAll(head);
        args.addAll(List.of("--out", out.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertTrue(run.exit() == 0 || run.exit() == 1, run.err());
        return out;
    }

    private static void assertSameFolders(Path a, Path b) throws IOException {
        List<String> names = files(a);
        assertEquals(names, files(b));
        for (ReportFormat format : ReportFormat.values()) {
            assertTrue(names.contains(format.fileName()), format.fileName());
        }
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
    }

    /** The regular files under {@code dir}, as sorted paths relative to it. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }

    private static List<String> replicates(String side) throws IOException {
        try (Stream<Path> files = Files.list(DEMO.resolve(side))) {
            return files.map(Path::toString).filter(f -> f.endsWith(".pb.gz")).sorted().toList();
        }
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
