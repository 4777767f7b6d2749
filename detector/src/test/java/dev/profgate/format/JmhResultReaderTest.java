package dev.profgate.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.base.BadInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMH result files written by JMH 1.37 ({@code src/test/resources/jmh}): {@code params-two-forks.json} is
 * {@code ParamBenchmarks.sum} with two sizes, two forks of three iterations and {@code -prof gc};
 * {@code sample-mode.json} the same benchmark in sample mode (a histogram, no raw scores).
 */
class JmhResultReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryBenchmarkWithItsParametersAndRawScores() throws Exception {
        Path file = resource("params-two-forks.json");
        List<JmhBenchmark> results = JmhResultReader.read(file);
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertEquals(2, results.size());
        for (int i = 0; i < 2; i++) {
            JmhBenchmark result = results.get(i);
            JsonNode node = json.get(i);
            assertEquals("dev.profgate.testjmh.ParamBenchmarks.sum", result.benchmark());
            assertEquals("avgt", result.mode());
            assertEquals(1, result.threads());
            assertEquals(Map.of("size", node.at("/params/size").asText(), "label", "plain"), result.params());
            assertEquals("ns/op", result.primary().unit());
            JsonNode raw = node.at("/primaryMetric/rawData");
            assertEquals(2, result.primary().rawData().size());
            double[] expected = new double[2];
            for (int fork = 0; fork < 2; fork++) {
                for (JsonNode score : raw.get(fork)) {
                    expected[fork] += score.asDouble() / raw.get(fork).size();
                }
            }
            assertArrayEquals(expected, result.primary().forkScores(), 1e-9);
            JmhBenchmark.Metric bytes = result.secondary().get("gc.alloc.rate.norm");
            assertEquals("B/op", bytes.unit());
            assertEquals(node.at("/secondaryMetrics/gc.alloc.rate.norm/rawData/0/2").asDouble(),
                    bytes.rawData().get(0).get(2));
        }
        assertEquals(List.of("8", "64"), results.stream().map(r -> r.params().get("size")).toList());
        assertEquals(new JmhBenchmark.Phases(200_000_000L, 3 * 200_000_000L), results.get(0).phases());
        assertEquals(0.75, results.get(0).phases().measuredFraction(), 1e-12);
    }

    @Test
    void readsJmhTimeValues() {
        assertEquals(500_000_000L, JmhResultReader.nanos("500 ms"));
        assertEquals(2_000_000_000L, JmhResultReader.nanos("2 s"));
        assertEquals(120_000_000_000L, JmhResultReader.nanos("2 min"));
        assertEquals(7_000L, JmhResultReader.nanos("7 us"));
        assertEquals(-1, JmhResultReader.nanos("single-shot"));
        assertEquals(-1, JmhResultReader.nanos("1.5 s"));
    }

    @Test
    void refusesSampleModeHistograms() throws Exception {
        Path file = resource("sample-mode.json");
        BadInputException e = assertThrows(BadInputException.class, () -> JmhResultReader.read(file));
        assertEquals(file + ": dev.profgate.testjmh.ParamBenchmarks.sum: no rawData scores (sample-mode histograms "
                + "are not supported; use average time or throughput mode)", e.getMessage());
    }

    @Test
    void refusesWhatIsNotAJmhResultFile() throws IOException {
        Path text = Files.writeString(dir.resolve("a.json"), "Benchmark  Mode  Cnt  Score");
        assertEquals(text + ": not JSON (Unrecognized token 'Benchmark': was expecting (JSON String, Number, Array, "
                + "Object or token 'null', 'true' or 'false'))",
                assertThrows(BadInputException.class, () -> JmhResultReader.read(text)).getMessage());
        Path object = Files.writeString(dir.resolve("b.json"), "{\"benchmark\": \"x\"}");
        assertEquals(object + ": not a JMH result file (expected a JSON array of benchmarks)",
                assertThrows(BadInputException.class, () -> JmhResultReader.read(object)).getMessage());
        Path noName = Files.writeString(dir.resolve("c.json"), "[{\"mode\": \"avgt\"}]");
        assertEquals(noName + ": not a JMH result file (a benchmark lacks 'benchmark')",
                assertThrows(BadInputException.class, () -> JmhResultReader.read(noName)).getMessage());
        Path missing = dir.resolve("missing.json");
        assertEquals(missing + ": no such file",
                assertThrows(BadInputException.class, () -> JmhResultReader.read(missing)).getMessage());
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(JmhResultReaderTest.class.getResource("/jmh/" + name).toURI());
    }
}
