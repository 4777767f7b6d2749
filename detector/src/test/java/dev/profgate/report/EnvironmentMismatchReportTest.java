package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.analysis.Verdict;
import dev.profgate.model.EnvironmentMismatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A baseline recorded on another JVM or machine: the verdict is at least warn and every report says why. */
class EnvironmentMismatchReportTest {
    private static final List<EnvironmentMismatch> MISMATCHES = List.of(
            new EnvironmentMismatch("JVM", "Debian OpenJDK 64-Bit Server VM 17.0.15", "OpenJDK 64-Bit Server VM 21.0.2"),
            new EnvironmentMismatch("CPU count", "8", "2"),
            new EnvironmentMismatch("JMH options of b.<i>Bench</i>.run", "forks=5", "forks=\u001b[31m2"));

    @Test
    void aMismatchTurnsAPassIntoAWarnButNeverLowersAFail() {
        assertEquals(Verdict.WARN, Comparisons.clean().withEnvironmentMismatches(MISMATCHES).verdict());
        assertEquals(Verdict.PASS, Comparisons.clean().withEnvironmentMismatches(List.of()).verdict());
        assertEquals(Verdict.FAIL, Comparisons.regexPerCall().withEnvironmentMismatches(MISMATCHES).verdict());
    }

    @Test
    void theTextReportListsEachMismatchUnderTheVerdict() {
        String text = TextReport.render(Comparisons.clean().withEnvironmentMismatches(MISMATCHES));
        List<String> lines = text.lines().toList();
        int heading = lines.indexOf(Labels.ENVIRONMENT_MISMATCH + ":");
        assertTrue(lines.get(2).startsWith("WARN"), text);
        assertEquals(4, heading, text);
        assertEquals("  CPU count: 8 (base) vs 2 (head)", lines.get(heading + 2));
        assertFalse(text.contains("\u001b"), text);
    }

    @Test
    void theMarkdownReportListsThemEscaped() {
        String md = MarkdownReport.render(Comparisons.clean().withEnvironmentMismatches(MISMATCHES), "cpu");
        assertTrue(md.contains("### ⚠️ profgate WARN"), md);
        List<String> items = md.lines().filter(l -> l.startsWith("- ") && l.contains("(base) vs")).toList();
        assertEquals(MISMATCHES.size(), items.size(), md);
        assertEquals("- CPU count: 8 (base) vs 2 (head)", items.get(1));
        assertFalse(items.get(2).contains("<i>") || items.get(2).contains("\u001b"), items.get(2));
    }

    @Test
    void reportJsonHasTheMismatchesAndAnEmptyListWithout() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode with = json.readTree(JsonReport.render(Comparisons.clean().withEnvironmentMismatches(MISMATCHES)));
        assertEquals("warn", with.get("verdict").asText());
        JsonNode mismatches = with.get("environmentMismatches");
        assertEquals(MISMATCHES.size(), mismatches.size());
        for (int i = 0; i < MISMATCHES.size(); i++) {
            assertEquals(MISMATCHES.get(i).what(), mismatches.get(i).get("what").asText());
            assertEquals(MISMATCHES.get(i).base(), mismatches.get(i).get("base").asText());
            assertEquals(MISMATCHES.get(i).head(), mismatches.get(i).get("head").asText());
        }
        JsonNode without = json.readTree(JsonReport.render(Comparisons.clean()));
        assertTrue(without.get("environmentMismatches").isArray() && without.get("environmentMismatches").isEmpty());
    }
}
