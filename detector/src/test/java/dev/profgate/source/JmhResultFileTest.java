package dev.profgate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.TestFiles;
import dev.profgate.base.BadInputException;
import dev.profgate.base.Limits;
import dev.profgate.model.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JMH result file: its options and JVM are read, and what is stored of it leaves out the machine's traces. */
class JmhResultFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLANTED = "jmh-secret-4f1c9a";

    @TempDir
    Path tmp;

    @Test
    void optionsAreThoseOfEachBenchmarkInTheFile() throws Exception {
        JsonNode first = JSON.readTree(TestFiles.jmhResult().toFile()).get(0);
        SortedMap<String, SortedMap<String, String>> options = JmhResultFile.options(List.of(read()));
        assertEquals(List.of(first.get("benchmark").asText()), List.copyOf(options.keySet()));
        SortedMap<String, String> own = options.get(first.get("benchmark").asText());
        assertEquals(first.get("forks").asText(), own.get("forks"));
        assertEquals(first.get("measurementTime").asText(), own.get("measurementTime"));
        assertEquals(first.get("mode").asText(), own.get("mode"));
        assertFalse(own.containsKey("jvmArgs"));
        assertFalse(own.containsKey("params"));
    }

    @Test
    void theJvmIsTheOneThatRanTheBenchmarks() throws Exception {
        JsonNode first = JSON.readTree(TestFiles.jmhResult().toFile()).get(0);
        Environment.Jvm jvm = read().jvm();
        assertEquals(first.get("vmName").asText(), jvm.name());
        assertEquals(first.get("vmVersion").asText(), jvm.version());
        assertNull(jvm.vendor());
    }

    @Test
    void theStoredFormKeepsScoresButNotTheJavaPathOrJvmArguments() throws Exception {
        String raw = Files.readString(TestFiles.jmhResult());
        assertTrue(raw.contains(PLANTED) && raw.contains("/bin/java"), "the input holds what must go");
        byte[] sanitized = read().sanitized();
        String text = new String(sanitized, StandardCharsets.UTF_8);
        assertFalse(text.contains(PLANTED), text);
        assertFalse(text.contains("/bin/java"), text);
        JsonNode original = JSON.readTree(raw);
        JsonNode kept = JSON.readTree(sanitized);
        assertEquals(original.size(), kept.size());
        for (int i = 0; i < original.size(); i++) {
            assertFalse(kept.get(i).has("jvm") || kept.get(i).has("jvmArgs"));
            assertEquals(original.get(i).get("primaryMetric"), kept.get(i).get("primaryMetric"));
            assertEquals(original.get(i).get("params"), kept.get(i).get("params"));
        }
        Path stored = Files.write(tmp.resolve("stored.json"), sanitized);
        assertEquals(JmhResultFile.options(List.of(read())), JmhResultFile.options(List.of(JmhResultFile.read(stored))));
    }

    @Test
    void otherJsonIsNotAJmhResult() throws Exception {
        List<String> others = List.of("{\"verdict\": \"pass\"}", "[]", "[{\"benchmark\": \"x\"}]", "[1, 2]", "[{");
        for (String other : others) {
            Path file = Files.writeString(tmp.resolve("other.json"), other);
            assertFalse(JmhResultFile.isJmhResultFile(file, Limits.defaults()), other);
            BadInputException e = assertThrows(BadInputException.class, () -> JmhResultFile.read(file), other);
            assertTrue(e.getMessage().startsWith(file + ": not a JMH result file ("), e.getMessage());
        }
        assertTrue(JmhResultFile.isJmhResultFile(TestFiles.jmhResult(), Limits.defaults()));
    }

    private static JmhResultFile read() {
        return JmhResultFile.read(TestFiles.jmhResult());
    }
}
