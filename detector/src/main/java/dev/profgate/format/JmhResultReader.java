package dev.profgate.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's JSON result format ({@code -rf json}): an array of benchmarks, each with {@code benchmark},
 * {@code mode}, {@code threads}, optional {@code params}, {@code primaryMetric} and {@code secondaryMetrics}
 * ({@code scoreUnit}, {@code rawData}: per fork, per iteration), and the iteration counts and times. Metrics
 * without {@code rawData} (sample mode histograms) are refused.
 */
public final class JmhResultReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Nanoseconds per unit of JMH's {@code TimeValue} texts. */
    private static final Map<String, Long> TIME_UNITS = Map.of("ns", 1L, "us", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "min", 60_000_000_000L, "hr", 3_600_000_000_000L, "day", 86_400_000_000_000L);

    private JmhResultReader() {
    }

    /** The benchmarks of the result file {@code file}, within the default {@link Limits}. */
    public static List<JmhBenchmark> read(Path file) {
        return read(file, Limits.defaults());
    }

    /** The benchmarks of the result file {@code file}, refused when larger than {@code limits.fileBytes}. */
    public static List<JmhBenchmark> read(Path file, Limits limits) {
        String source = file.toString();
        JsonNode root;
        try {
            limits.checkFileBytes(source, file);
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(source, "no such file");
        } catch (JsonProcessingException e) {
            throw new BadInputException(source, "not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException(source, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new BadInputException(source, "not a JMH result file (expected a JSON array of benchmarks)");
        }
        List<JmhBenchmark> results = new ArrayList<>();
        for (JsonNode node : root) {
            results.add(result(node, source));
        }
        return results;
    }

    private static JmhBenchmark result(JsonNode node, String source) {
        String benchmark = text(node, "benchmark", source);
        Map<String, String> params = new LinkedHashMap<>();
        node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        Map<String, JmhBenchmark.Metric> secondary = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> metrics = node.path("secondaryMetrics").fields();
        while (metrics.hasNext()) {
            Map.Entry<String, JsonNode> metric = metrics.next();
            if (metric.getValue().has("rawData")) {
                secondary.put(metric.getKey(), metric(metric.getValue(), benchmark + " " + metric.getKey(), source));
            }
        }
        String mode = text(node, "mode", source);
        return new JmhBenchmark(benchmark, mode, node.path("threads").asInt(1), params,
                metric(node.path("primaryMetric"), benchmark, source), secondary, "ss".equals(mode) ? null : phases(node));
    }

    /** The warmup and measurement time of a fork, from the iteration counts and times; null when one is missing. */
    private static JmhBenchmark.Phases phases(JsonNode node) {
        long warmup = phase(node, "warmupIterations", "warmupTime");
        long measurement = phase(node, "measurementIterations", "measurementTime");
        return warmup < 0 || measurement <= 0 ? null : new JmhBenchmark.Phases(warmup, measurement);
    }

    private static long phase(JsonNode node, String iterations, String time) {
        long count = node.path(iterations).asLong(-1);
        long nanos = nanos(node.path(time).asText(""));
        return count < 0 || nanos < 0 ? -1 : count * nanos;
    }

    /** JMH's time value text ({@code "500 ms"}, {@code "1 s"}) in nanoseconds; -1 when it is not one. */
    static long nanos(String text) {
        String[] parts = text.strip().split(" ");
        Long unit = parts.length == 2 ? TIME_UNITS.get(parts[1]) : null;
        if (unit == null || !parts[0].matches("\\d{1,12}")) {
            return -1;
        }
        return Long.parseLong(parts[0]) * unit;
    }

    private static JmhBenchmark.Metric metric(JsonNode node, String what, String source) {
        JsonNode raw = node.path("rawData");
        if (!raw.isArray() || raw.isEmpty()) {
            throw new BadInputException(source, what + ": no rawData scores (sample-mode histograms are not "
                    + "supported; use average time or throughput mode)");
        }
        List<List<Double>> forks = new ArrayList<>();
        for (JsonNode fork : raw) {
            List<Double> iterations = new ArrayList<>();
            for (JsonNode score : fork) {
                if (!score.isNumber()) {
                    throw new BadInputException(source, what + ": rawData holds a non-number (" + score + ")");
                }
                iterations.add(score.asDouble());
            }
            forks.add(iterations);
        }
        return new JmhBenchmark.Metric(text(node, "scoreUnit", source), forks);
    }

    private static String text(JsonNode node, String field, String source) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadInputException(source, "not a JMH result file (a benchmark lacks '" + field + "')");
        }
        return value.asText();
    }
}
