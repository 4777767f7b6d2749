package dev.profgate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.base.Limits;
import dev.profgate.format.CollapsedReader;
import dev.profgate.format.PprofWriter;
import dev.profgate.format.ProfileFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-function counts straight from the samples ({@link StackSamples}, {@link FunctionTotals#of(StackSamples, int[],
 * int)}) against the call tree path ({@link FunctionTotals#of(Profile, long[], Dictionary)} over
 * {@link Profile#counts}) on the real fixtures, every sample type (count columns read without a tree, bytes and
 * nanoseconds without a count companion through the tree), and on a recursive profile.
 */
class StackSamplesTest {
    private static final Path FIXTURES = Path.of(System.getProperty("profgate.fixtures", "../../shared/fixtures"),
            "pprof");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"large.cpu.pb.gz", "go-payments-v1.cpu.pb.gz", "go-payments-v2-regex-per-call.cpu.pb.gz",
            "java.heap.pb.gz"})
    void everySampleTypeCountsAsTheCallTreeDoes(String fixture) {
        Path file = FIXTURES.resolve(fixture);
        Profile profile = ProfileFormat.read(file);
        for (int column = 0; column < profile.header().sampleTypes().size(); column++) {
            assertSameCounts(profile, column, ProfileFormat.readSamples(file, Integer.toString(column), Limits.defaults()));
        }
    }

    /** {@code fib} recurs on most stacks: its total counts each sample once, as pprof's cum. */
    @Test
    void recursionCountsOncePerSample() throws IOException {
        String folded = "main;fib;fib;fib;fib 7\nmain;fib;fib;work 5\nmain;work;fib;work 3\nmain;fib 2\nmain 1\n";
        Path file = dir.resolve("recursive.pb.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            PprofWriter.write(CollapsedReader.read(new ByteArrayInputStream(folded.getBytes(StandardCharsets.UTF_8)),
                    "recursive"), out);
        }
        Profile profile = ProfileFormat.read(file);
        StackSamples samples = ProfileFormat.readSamples(file, null, Limits.defaults());
        assertSameCounts(profile, profile.header().defaultType(), samples);
        Dictionary functions = new Dictionary();
        FunctionTotals totals = FunctionTotals.of(samples, samples.frames().functionIds(functions), functions.size());
        Map<String, Long> expectedTotal = new HashMap<>();
        Map<String, Long> expectedSelf = new HashMap<>();
        for (String line : folded.strip().split("\n")) {
            List<String> stack = List.of(line.substring(0, line.lastIndexOf(' ')).split(";"));
            long count = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            expectedSelf.merge(stack.get(stack.size() - 1), count, Long::sum);
            new HashSet<>(stack).forEach(function -> expectedTotal.merge(function, count, Long::sum));
        }
        for (String function : expectedTotal.keySet()) {
            int id = functions.find(function);
            assertEquals(expectedTotal.get(function), totals.total(id), function + " total");
            assertEquals(expectedSelf.getOrDefault(function, 0L), totals.self(id), function + " self");
        }
    }

    /** Samples taken from the call tree ({@link StackSamples#of}) count as the tree itself. */
    @Test
    void samplesOfACallTreeCountAsTheTree() {
        Profile profile = ProfileFormat.read(FIXTURES.resolve("go-payments-v2-regex-per-call.cpu.pb.gz"));
        assertSameCounts(profile, profile.header().defaultType(), StackSamples.of(profile, null));
    }

    private static void assertSameCounts(Profile profile, int column, StackSamples samples) {
        assertEquals(profile.header().sampleTypes().get(column).type(), samples.type());
        Dictionary treeFunctions = new Dictionary();
        FunctionTotals tree = FunctionTotals.of(profile, profile.counts(column), treeFunctions);
        Dictionary sampleFunctions = new Dictionary();
        FunctionTotals flat = FunctionTotals.of(samples, samples.frames().functionIds(sampleFunctions),
                sampleFunctions.size());
        String what = profile.source() + " column " + column;
        assertTrue(tree.grandTotal() > 0, what + " has samples");
        assertEquals(tree.grandTotal(), flat.grandTotal(), what);
        assertEquals(treeFunctions.size(), sampleFunctions.size(), what);
        Set<String> differing = new HashSet<>();
        for (int f = 0; f < treeFunctions.size(); f++) {
            assertEquals(treeFunctions.name(f), sampleFunctions.name(f), what + ": the functions in the same order");
            if (tree.self(f) != flat.self(f) || tree.total(f) != flat.total(f)) {
                differing.add(treeFunctions.name(f));
            }
        }
        assertEquals(Set.of(), differing, what);
    }
}
