package dev.profgate.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.model.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A JMH result file ({@code -rf json}): an array with one object per benchmark (and parameter set). Read for the
 * JMH options and the JVM of the run; stored without the fields that describe the recording machine
 * ({@code jvm}, the java path, and {@code jvmArgs}, which can hold tokens): only {@link #KEPT_FIELDS} are kept.
 */
public record JmhResultFile(String source, ArrayNode results) {
    /** The fields of a benchmark result that are stored: its identity, options, JVM version and scores. */
    static final List<String> KEPT_FIELDS = List.of("jmhVersion", "benchmark", "mode", "threads", "forks",
            "jdkVersion", "vmName", "vmVersion", "warmupIterations", "warmupTime", "warmupBatchSize",
            "measurementIterations", "measurementTime", "measurementBatchSize", "params", "primaryMetric",
            "secondaryMetrics");
    /** The fields that are run options: two runs differing in one of them were not measured alike. */
    static final List<String> OPTION_FIELDS = List.of("jmhVersion", "mode", "threads", "forks", "warmupIterations",
            "warmupTime", "warmupBatchSize", "measurementIterations", "measurementTime", "measurementBatchSize");

    /** {@link #read(Path, Limits)} within the default {@link Limits}. */
    public static JmhResultFile read(Path file) {
        return read(file, Limits.defaults());
    }

    /** Reads {@code file}, refused when larger than {@code limits.fileBytes}, and unless it is a JMH result file. */
    public static JmhResultFile read(Path file, Limits limits) {
        JsonNode root;
        try {
            limits.checkFileBytes(file.toString(), file);
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw notJmh(file, "not valid JSON");
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        if (!isResultArray(root)) {
            throw notJmh(file, "expected an array of benchmark results with 'benchmark' and 'primaryMetric'");
        }
        return new JmhResultFile(file.toString(), (ArrayNode) root);
    }

    /** True when {@code file} is readable JSON in the JMH result layout; refused over {@code limits.fileBytes}. */
    public static boolean isJmhResultFile(Path file, Limits limits) {
        try {
            limits.checkFileBytes(file.toString(), file);
            return isResultArray(Json.MAPPER.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            return false;
        }
    }

    /** The options of every benchmark in {@code files}: benchmark name to option name to value. */
    public static SortedMap<String, SortedMap<String, String>> options(List<JmhResultFile> files) {
        SortedMap<String, SortedMap<String, String>> options = new TreeMap<>();
        for (JmhResultFile file : files) {
            for (JsonNode result : file.results) {
                SortedMap<String, String> own = new TreeMap<>();
                OPTION_FIELDS.stream().filter(result::has).forEach(f -> own.put(f, result.get(f).asText()));
                options.put(result.get("benchmark").asText(), own);
            }
        }
        return options;
    }

    /** The JVM that ran the first benchmark (JMH names no vendor), or null when the file does not say. */
    public Environment.Jvm jvm() {
        JsonNode first = results.get(0);
        if (first == null || !first.hasNonNull("vmName") || !first.hasNonNull("vmVersion")) {
            return null;
        }
        return new Environment.Jvm(null, first.get("vmName").asText(), first.get("vmVersion").asText());
    }

    /** The results with only {@link #KEPT_FIELDS}, as indented JSON. */
    public byte[] sanitized() {
        ArrayNode kept = Json.MAPPER.createArrayNode();
        for (JsonNode result : results) {
            ObjectNode copy = kept.addObject();
            KEPT_FIELDS.stream().filter(result::has).forEach(f -> copy.set(f, result.get(f)));
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static boolean isResultArray(JsonNode root) {
        if (root == null || !root.isArray() || root.isEmpty()) {
            return false;
        }
        for (JsonNode result : root) {
            boolean isResult = result.isObject() && result.path("benchmark").isTextual()
                    && result.path("primaryMetric").isObject();
            if (!isResult) {
                return false;
            }
        }
        return true;
    }

    private static BadInputException notJmh(Path file, String problem) {
        return new BadInputException(file.toString(), "not a JMH result file (" + problem + ")");
    }

    /** Jackson, loaded on first use: a comparison without JMH results never pays for its class loading. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
