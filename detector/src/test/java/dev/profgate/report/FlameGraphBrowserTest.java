package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profgate.TestFiles;
import dev.profgate.compare.CompareRun;
import dev.profgate.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the flame graphs in headless Chromium ({@link BrowserCheck}: skipped with a message when Node.js, Chromium or
 * playwright-core are missing, except under CI, where their absence fails the test).
 */
class FlameGraphBrowserTest {
    private static final Path REPO = BrowserCheck.REPO;
    private static final Pattern MATCHED = Pattern.compile("matched: (\\d+\\.\\d\\d)% of total");

    @TempDir
    Path tmp;

    @BeforeAll
    static void browserIsThere() {
        BrowserCheck.require();
    }

    /**
     * The demo's flame graph (baselines/demo when recorded, else the Go regex fixture pair), made by the compare
     * flow: the regex compile frame is drawn red, in a dark shade of the legend's scale, and flagged by the regex
     * rule; search highlights it and reports its share; the tooltip shows the call path's delta, interval, q-value,
     * the function's own finding and the rule's advice; a click zooms into it and a reload restores that view from
     * the URL; a finding in the header and a row of the function table zoom to its frame; the keyboard moves between
     * frames, zooms and resets; the sandwich view shows its callers and callees; {@link FlameGraphHtml#fragment}
     * opens the page on it. No script errors, no network requests.
     */
    @Test
    void demoFlameGraphWorksInChromium() throws Exception {
        boolean demo = Files.isDirectory(REPO.resolve("baselines/demo/base"));
        Path pprof = TestFiles.fixturesPprof();
        String base = demo ? REPO.resolve("baselines/demo/base").toString()
                : pprof.resolve("go-payments-v1.cpu.pb.gz").toString();
        String head = demo ? REPO.resolve("baselines/demo/head").toString()
                : pprof.resolve("go-payments-v2-regex-per-call.cpu.pb.gz").toString();
        String regexFrame = demo ? "^java\\.util\\.regex\\.Pattern\\.compile$" : "^regexp\\.compile$";
        Path out = tmp.resolve("demo");
        new CompareRun(List.of(base), List.of(head), null, Settings.defaults(), out, "demo").execute();

        String culprit = demo ? "java.util.regex.Pattern.compile" : "regexp.compile";
        JsonNode seen = check("use", out.resolve("flamegraph.html"), regexFrame, FlameGraphHtml.fragment(culprit));
        assertClean(seen);
        assertShaded(seen.get("shading"));
        JsonNode drawn = seen.get("drawn");
        assertTrue(drawn.get("significant").asBoolean() && drawn.get("w").asDouble() > 50, drawn.toString());
        assertTrue(drawn.get("marked").asBoolean(), "flagged by the regex rule: " + drawn);
        JsonNode pixel = seen.get("pixel");
        assertTrue(pixel.get(0).asInt() > pixel.get(2).asInt() + 60, "drawn red: " + pixel);

        Matcher matched = MATCHED.matcher(seen.get("matchedText").asText());
        assertTrue(matched.matches(), seen.get("matchedText").asText());
        double share = Double.parseDouble(matched.group(1));
        assertTrue(share >= 100 * drawn.get("w").asDouble() / seen.get("canvasWidth").asDouble() - 0.01,
                "the share covers the widest match: " + share);
        assertTrue(seen.get("searched").get("matched").asBoolean());
        JsonNode outline = seen.get("outline");
        assertTrue(outline.get(2).asInt() > outline.get(1).asInt() + 60, "purple search outline: " + outline);

        String tooltip = seen.get("tooltip").asText();
        assertTrue(tooltip.startsWith(drawn.get("name").asText() + "\nThis call path: base "), tooltip);
        assertFalse(Pattern.compile("\\b1 samples").matcher(tooltip).find(), tooltip);
        assertTrue(!demo || tooltip.contains("(1 sample)"), "the demo's culprit has one base sample: " + tooltip);
        assertTrue(tooltip.contains("Whole function, all call paths (the finding): "), tooltip);
        assertTrue(Pattern.compile("Δ \\+\\d+\\.\\d+ pp\\s+95% CI \\+[\\d.]+ … \\+[\\d.]+ pp\\s+q = \\S+")
                .matcher(tooltip).find(), tooltip);
        assertTrue(tooltip.contains("significant regression"), tooltip);
        assertTrue(Pattern.compile("⚠ \\S*regex\\S*-compile-per-call: .+\n.+").matcher(tooltip).find(), tooltip);

        assertEquals(drawn.get("name").asText(), seen.get("zoomed").get("zoom").asText());
        assertEquals(seen.get("canvasWidth").asDouble(), seen.get("zoomedFrame").get("w").asDouble(), 0.5);
        assertReloadKeepsTheView(seen);
        assertEquals("root", seen.get("reset").get("zoom").asText());
        assertEquals(seen.get("finding").asText(), seen.get("findingZoom").get("zoom").asText());
        assertEquals("base", seen.get("baseMode").get("mode").asText());
        assertTableZooms(seen, drawn.get("name").asText());
        assertKeyboardDrives(seen.get("keys"), seen.get("focused"));
        JsonNode sandwich = seen.get("sandwich");
        assertEquals("sandwich", sandwich.get("state").get("view").asText());
        assertTrue(sandwich.get("state").get("hash").asText().contains("v=sandwich"), sandwich.toString());
        assertEquals(culprit, sandwich.get("callers").get("name").asText());
        assertEquals(culprit, sandwich.get("callees").get("name").asText());
        JsonNode linked = seen.get("linked");
        assertEquals(culprit, linked.get("zoom").asText(), "#f= opens the page on the function: " + linked);
        assertEquals(culprit, linked.get("selected").asText());
        assertTrue(Files.size(BrowserCheck.SCREENSHOTS.resolve("flamegraph-search-tooltip.png")) > 10_000);
        assertTrue(Files.size(BrowserCheck.SCREENSHOTS.resolve("flamegraph.png")) > 10_000);
    }

    /** The legend shows every shade for both directions; the canvas uses several; the culprit is ≥ 5 points red. */
    private static void assertShaded(JsonNode shading) {
        assertEquals(2 * (FlameColors.STEPS.length + 1), shading.get("swatches").asInt(), shading.toString());
        List<String> labels = new ArrayList<>();
        shading.get("labels").forEach(label -> labels.add(label.asText()));
        assertEquals(FlameColors.labels(), labels.subList(3, labels.size()), shading.toString());
        assertTrue(shading.get("shown").asInt() >= 2, "shades drawn: " + shading);
        int culprit = shading.get("frame").asInt();
        assertTrue(culprit % 2 == 0 && culprit / 2 >= FlameColors.WHITE_TEXT, "a dark red: " + shading);
    }

    /** The zoom, search and selection survive a reload, read back from the URL's fragment. */
    private static void assertReloadKeepsTheView(JsonNode seen) {
        JsonNode before = seen.get("zoomed");
        JsonNode after = seen.get("reloaded");
        assertTrue(before.get("hash").asText().matches("#f=.+&z=\\d+&s=.+"), before.toString());
        for (String field : List.of("zoom", "node", "mode", "search", "selected", "view", "hash")) {
            assertEquals(before.get(field), after.get(field), field + ": " + before + " vs " + after);
        }
        assertEquals(seen.get("canvasWidth").asDouble(), seen.get("reloadedFrame").get("w").asDouble(), 0.5);
    }

    private static void assertTableZooms(JsonNode seen, String name) {
        assertEquals("ascending", seen.get("sorted").get("sort").asText(), seen.get("sorted").toString());
        JsonNode shown = seen.get("sorted").get("shown");
        assertTrue(shown.get(0).asText().compareTo(shown.get(1).asText()) <= 0, shown.toString());
        assertEquals(name, seen.get("tableZoom").get("zoom").asText(), seen.get("tableZoom").toString());
        assertEquals(name, seen.get("tableZoom").get("selected").asText());
        assertEquals(name, seen.get("tableRow").asText());
    }

    /**
     * Tab reaches the canvas with a visible focus; down moves to a callee, right to a neighbour and left back, up to
     * the caller; Enter zooms into the focused frame with its tooltip shown, Escape resets, / goes to the search.
     */
    private static void assertKeyboardDrives(JsonNode keys, JsonNode focused) {
        assertEquals("canvas", focused.get("id").asText(), focused.toString());
        assertTrue(focused.get("visible").asBoolean() && !"none".equals(focused.get("outline").asText()),
                focused.toString());
        JsonNode downs = keys.get("downs");
        int here = downs.get(downs.size() - 1).asInt();
        assertTrue(here > 0 && keys.has("right") && keys.get("right").asInt() > here, "a right neighbour: " + keys);
        assertEquals(here, keys.get("left").asInt(), keys.toString());
        assertEquals(downs.size() > 1 ? downs.get(downs.size() - 2).asInt() : 0, keys.get("up").asInt(),
                keys.toString());
        JsonNode enter = keys.get("enter");
        assertTrue(keys.get("down").asInt() > keys.get("up").asInt(), keys.toString());
        assertEquals(keys.get("down").asInt(), enter.get("node").asInt(), keys.toString());
        assertTrue(keys.get("tip").asText().startsWith(enter.get("zoom").asText() + "\n"), keys.get("tip").asText());
        assertEquals("block", keys.get("box").asText());
        assertEquals("root", keys.get("escape").get("zoom").asText());
        assertEquals("search", keys.get("slash").asText());
    }

    /**
     * Hostile function names neither create elements nor run code, in the HTML nor in the SVG, nor through the URL:
     * a link made by {@link FlameGraphHtml#fragment} for one opens the page on it.
     */
    @Test
    void hostileNamesRenderInertly() throws Exception {
        Path out = tmp.resolve("hostile");
        ReportWriter.writeAll(FlameInputs.hostile(), out);
        String name = "</script><script>alert(2)</script>";
        JsonNode html = check("inert", out.resolve("flamegraph.html"), "^<img src=x onerror=alert\\(1\\)>$",
                FlameGraphHtml.fragment(name));
        assertClean(html);
        assertTrue(html.get("tooltip").asText().startsWith("<img src=x onerror=alert(1)>\n"), html.toString());
        assertEquals(name, html.get("state").get("selected").asText(), html.toString());
        assertEquals(name, html.get("state").get("zoom").asText(), html.toString());
        assertClean(check("inert", out.resolve("flamegraph.svg"), "", ""));
    }

    /**
     * A Go template parsed per call, fixed ({@link FlameInputs#goFormatterRevert}): the page colours the handler's
     * frame, whose share of head grew only because the parse left, blue, by its change relative to the code that did
     * not change, as the SVG does and its test says. Its screenshots go to {@code revert/} beside the demo's.
     */
    @Test
    void aRevertIsDrawnFasterWhereItsCostLeft() throws Exception {
        Path out = tmp.resolve("revert");
        ReportWriter.writeAll(FlameInputs.goFormatterRevert(), out);
        Path screenshots = Files.createDirectories(BrowserCheck.SCREENSHOTS.resolve("revert"));
        JsonNode seen = BrowserCheck.run("flamegraph-check.mjs", "use", BrowserCheck.CHROMIUM,
                out.resolve("flamegraph.html").toString(), "^main\\.main\\.func1$", screenshots.toString(),
                FlameGraphHtml.fragment("main.main.func1"));
        assertClean(seen);
        assertTrue(seen.get("drawn").get("significant").asBoolean(), seen.get("drawn").toString());
        JsonNode pixel = seen.get("pixel");
        assertTrue(pixel.get(2).asInt() > pixel.get(0).asInt() + 60, "drawn blue: " + pixel);
    }

    private static void assertClean(JsonNode seen) {
        assertEquals(0, seen.get("injected").asInt(), "elements created by names: " + seen);
        assertEquals(0, seen.get("dialogs").size(), "dialogs: " + seen.get("dialogs"));
        assertEquals(0, seen.get("errors").size(), "script errors: " + seen.get("errors"));
        assertEquals(0, seen.get("requests").size(), "network requests: " + seen.get("requests"));
    }

    private static JsonNode check(String mode, Path file, String frame, String fragment)
            throws IOException, InterruptedException {
        return BrowserCheck.run("flamegraph-check.mjs", mode, BrowserCheck.CHROMIUM, file.toString(), frame,
                BrowserCheck.SCREENSHOTS.toString(), fragment);
    }
}
