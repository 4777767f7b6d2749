package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code profgate top --format tsv} reproduces every {@code *.top.tsv} reference made by {@code go tool pprof -top}:
 * same rows, same order, same names, same values. {@code NAME.top.tsv} belongs to {@code NAME.pb.gz};
 * {@code NAME.TYPE.top.tsv} to {@code NAME.pb.gz} with {@code --type TYPE}.
 */
class TopFixturesTest {

    @TestFactory
    Stream<DynamicTest> reproducesEveryReferenceRow() {
        return references().stream().map(tsv -> DynamicTest.dynamicTest(tsv.getFileName().toString(),
                () -> assertReproduced(tsv)));
    }

    @Test
    void findsTheReferences() {
        List<String> names = references().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("large.cpu.top.tsv", "java.heap.inuse_objects.top.tsv",
                "java.heap.inuse_space.top.tsv", "go-payments-v1.cpu.top.tsv",
                "go-payments-v2-regex-per-call.cpu.top.tsv", "goroutine.top.tsv", "mutex.delay.top.tsv",
                "mutex.contentions.top.tsv", "block.delay.top.tsv", "block.contentions.top.tsv")), names::toString);
    }

    private static List<Path> references() {
        return Stream.of(TestFiles.fixturesPprof(), TestFiles.resourcesPprof())
                .flatMap(dir -> TestFiles.list(dir).stream())
                .filter(p -> p.getFileName().toString().endsWith(".top.tsv"))
                .toList();
    }

    private static void assertReproduced(Path tsv) throws IOException {
        String stem = tsv.getFileName().toString().replaceFirst("\\.top\\.tsv$", "");
        List<String> args = new ArrayList<>(List.of("top", "--format", "tsv"));
        Path profile = tsv.resolveSibling(stem + ".pb.gz");
        if (!Files.exists(profile)) {
            int dot = stem.lastIndexOf('.');
            profile = tsv.resolveSibling(stem.substring(0, dot) + ".pb.gz");
            args.addAll(List.of("--type", stem.substring(dot + 1)));
        }
        args.add(profile.toString());
        List<String> expected = Files.readAllLines(tsv);
        List<String> actual = run(args).lines().toList();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i + " of " + tsv);
        }
        assertEquals(expected.size(), actual.size(), "row count of " + tsv);
    }

    private static String run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.getCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args.toArray(String[]::new));
        assertEquals(0, exit, err::toString);
        return out.toString();
    }
}
