package dev.profgate.quarterly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.base.Limits;
import dev.profgate.base.Progress;
import dev.profgate.config.Settings;
import dev.profgate.report.BrowserCheck;
import dev.profgate.source.weekly.FolderWeeks;
import dev.profgate.workload.RecordedQuarter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarterly report of the recorded quarter ({@link RecordedQuarter}) as headless Chromium renders it
 * ({@link BrowserCheck}: skipped when the browser is missing, except under CI): the executive summary on screen, the
 * grower first among growers, each trend line with a point per week and drawn, the anti-pattern with its saving, no
 * console or script error, nothing fetched but the file itself; a full-page screenshot is saved.
 */
class QuarterlyBrowserTest {
    @TempDir
    Path dir;

    @Test
    void reportRendersInChromium() throws Exception {
        BrowserCheck.require();
        Path config = Files.writeString(dir.resolve("profgate.yml"),
                "cost:\n  coreHourPrice: 0.05\n  fleetCores: 40\n  currency: EUR\n");
        Path out = dir.resolve("report");
        new QuarterlyRun(Quarter.parse(RecordedQuarter.FROM, RecordedQuarter.TO),
                new FolderWeeks(RecordedQuarter.profiles(), Limits.defaults()), null, Settings.load(config))
                .writeTo(out, Progress.NONE);
        JsonNode seen = BrowserCheck.run("quarterly-check.mjs", BrowserCheck.CHROMIUM,
                out.resolve("report.html").toString(), BrowserCheck.SCREENSHOTS.toString());

        assertEquals(0, seen.get("errors").size(), "script errors: " + seen.get("errors"));
        assertEquals(0, seen.get("console").size(), "console errors: " + seen.get("console"));
        assertEquals(0, seen.get("requests").size(), "requests beyond file://: " + seen.get("requests"));
        assertTrue(seen.get("summaryVisible").asBoolean(), seen.toString());
        assertTrue(box(seen.get("summaryBox")) && seen.get("summary").asText()
                .contains("Biggest grower: " + RecordedQuarter.GROWER + " in checkout"), seen.get("summary").asText());
        assertEquals(RecordedQuarter.GROWER, seen.get("growers").get(0).get(1).asText(), seen.get("growers").toString());

        assertEquals(1, seen.get("charts").size(), "one chart for the one service");
        JsonNode chart = seen.get("charts").get(0);
        assertTrue(box(chart.get("box")), chart.toString());
        assertFalse(chart.get("lines").isEmpty(), chart.toString());
        boolean growerDrawn = false;
        for (JsonNode line : chart.get("lines")) {
            assertEquals(RecordedQuarter.WEEKS, line.get("points").asInt(), line.toString());
            assertTrue(line.get("box").get("w").asDouble() > 0, "drawn across the weeks: " + line);
            growerDrawn |= line.get("function").asText().equals(RecordedQuarter.GROWER) && box(line.get("box"));
        }
        assertTrue(growerDrawn, "the grower's rising line is drawn: " + chart);

        JsonNode regex = antiPattern(new ObjectMapper().readTree(out.resolve("report.json").toFile()));
        String saving = String.format(Locale.ROOT, "%,.0f EUR", regex.get("saving").asDouble());
        boolean shown = false;
        for (JsonNode row : seen.get("antiPatterns")) {
            shown |= row.get(0).asText().contains("(" + regex.get("rule").asText() + ")")
                    && row.get(4).asText().equals(saving);
        }
        assertTrue(shown, "the regex rule with its saving " + saving + ": " + seen.get("antiPatterns"));
        assertTrue(Files.size(BrowserCheck.SCREENSHOTS.resolve("quarterly-report.png")) > 10_000);
    }

    private static boolean box(JsonNode box) {
        return box.get("w").asDouble() > 0 && box.get("h").asDouble() > 0;
    }

    private static JsonNode antiPattern(JsonNode report) {
        for (JsonNode found : report.get("services").get(0).get("antiPatterns")) {
            if (found.get("rule").asText().equals("java-regex-compile-per-call")) {
                return found;
            }
        }
        throw new AssertionError("no regex rule in " + report);
    }
}
