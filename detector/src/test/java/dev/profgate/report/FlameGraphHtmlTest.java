package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.FlameTree;
import dev.profgate.base.Names;
import dev.profgate.rules.RuleHit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

public class FlameGraphHtmlTest {
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/octet-stream\" id=\"flame-data\">([A-Za-z0-9+/=]*)</script>");
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    /** Decodes the page's data independently of flamegraph.js and rebuilds every node's path and counts. */
    @Test
    void dataRoundTripsTheWholeTree() throws Exception {
        ReportData report = FlameInputs.goRegexPair();
        Comparison c = report.comparison();
        JsonNode data = data(FlameGraphHtml.render(report));
        Map<List<String>, long[]> decoded = decode(data);
        FlameTree tree = c.flame();
        assertEquals(tree.size(), decoded.size());
        for (int node = 1; node < tree.size(); node++) {
            long[] counts = decoded.get(path(tree, node));
            assertEquals(tree.baseTotal(node), counts[0], String.join(";", path(tree, node)));
            assertEquals(tree.headTotal(node), counts[1], String.join(";", path(tree, node)));
        }
        assertEquals(c.flame().baseTotal(0), data.get("samples").get(0).asLong());
        assertEquals("fail", data.get("verdict").asText());
        JsonNode top = data.get("findings").get(0);
        assertEquals(c.findings().get(0).function(), top.get("function").asText());
        assertTrue(top.get("node").asInt() > 0);
    }

    @Test
    void significantNodesAreExactlyTheTestedOnesFlaggedSo() throws Exception {
        ReportData report = FlameInputs.goRegexPair();
        Comparison c = report.comparison();
        JsonNode tests = data(FlameGraphHtml.render(report)).get("tests");
        FlameOrder order = FlameOrder.of(c.flame());
        int[] preorder = order.preorder();
        int position = 0;
        Set<Integer> listed = new HashSet<>();
        for (int k = 0; k < tests.size(); k += 5) {
            position += tests.get(k).asInt();
            int node = preorder[position];
            listed.add(node);
            assertTrue(c.flame().tested(node));
            assertEquals(c.flame().significant(node), tests.get(k + 4).asInt() == 1);
            assertEquals(c.flame().qValue(node), tests.get(k + 1).asDouble(), c.flame().qValue(node) * 0.01);
        }
        for (int node = 0; node < c.flame().size(); node++) {
            assertEquals(c.flame().tested(node), listed.contains(node));
        }
    }

    @Test
    void ruleMarksAndFindingRulesReachThePage() throws Exception {
        ReportData report = FlameInputs.goRegexPair();
        JsonNode data = data(FlameGraphHtml.render(report));
        int[] preorder = FlameOrder.of(report.comparison().flame()).preorder();
        Map<Integer, List<RuleHit>> marks = FlameMarks.of(report.comparison().flame(), report.hits());
        JsonNode pairs = data.get("marks");
        assertEquals(2 * marks.values().stream().mapToInt(List::size).sum(), pairs.size());
        int position = 0;
        for (int k = 0; k < pairs.size(); k += 2) {
            position += pairs.get(k).asInt();
            JsonNode rule = data.get("rules").get(pairs.get(k + 1).asInt());
            assertEquals(marks.get(preorder[position]).get(0).id(), rule.get("id").asText());
            assertEquals(marks.get(preorder[position]).get(0).advice(), rule.get("advice").asText());
        }
        JsonNode top = data.get("findings").get(0);
        List<RuleHit> hits = report.hits(report.comparison().findings().get(0));
        assertEquals(hits.size(), top.get("rules").size());
        assertFalse(hits.isEmpty(), "the Go regex culprit is explained by a rule");
    }

    @Test
    void hostileNamesStayDataAndCannotEndTheScript() throws Exception {
        String html = FlameGraphHtml.render(FlameInputs.hostile());
        Matcher data = DATA.matcher(html);
        assertTrue(data.find());
        String page = html.substring(0, data.start()) + html.substring(data.end());
        for (String name : FlameInputs.HOSTILE) {
            assertFalse(page.contains(name), "the page outside the data holds " + name);
        }
        assertEquals(2, html.split("<script", -1).length - 1, "only the data and the page script");
        assertFalse(html.contains("<img"));
        String json = json(html);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), "escaped as \\u003c etc.");
        assertTrue(json.chars().allMatch(ch -> ch < 128), "non-ASCII (bidi controls too) escaped");
        List<String> names = names(new ObjectMapper().readTree(json).get("names"));
        for (String name : FlameInputs.HOSTILE) {
            assertTrue(names.contains(Names.printable(name)), name);
        }
        assertFalse(names.contains("evil\u202Egnp.exe"), "bidi override replaced");
    }

    @Test
    void contentSecurityPolicyAllowsOnlyThePageScript() throws Exception {
        String html = FlameGraphHtml.render(FlameInputs.hostile());
        Matcher script = SCRIPT.matcher(html);
        assertTrue(script.find());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
        String policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-"
                + Base64.getEncoder().encodeToString(digest) + "'";
        assertTrue(html.contains("content=\"" + policy + "\""), "no 'unsafe-inline' scripts, no network");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing loaded from anywhere");
    }

    @Test
    void everyFindingAndTheColourScaleReachThePage() throws Exception {
        ReportData report = FlameInputs.hostile();
        JsonNode data = data(FlameGraphHtml.render(report));
        assertEquals(report.comparison().findings().size(), data.get("findings").size());
        assertTrue(data.get("findings").size() > 8, "more than the header shows");
        JsonNode shades = data.get("shades");
        assertEquals(FlameColors.SLOWER, strings(shades.get("slower")));
        assertEquals(FlameColors.FASTER, strings(shades.get("faster")));
        assertEquals(FlameColors.NEUTRAL, strings(shades.get("neutral")));
        assertEquals(FlameColors.labels(), strings(shades.get("labels")));
        assertEquals(FlameColors.STEPS.length, shades.get("steps").size());
        assertEquals(FlameColors.WHITE_TEXT, shades.get("whiteText").asInt());
    }

    /** A fragment for any name is one URL-safe token that decodes, as the page's URLSearchParams does, to it. */
    @Test
    void fragmentOpensTheFunctionByItsPrintableName() {
        assertEquals("#f=java.util.regex.Pattern.compile", FlameGraphHtml.fragment("java.util.regex.Pattern.compile"));
        assertEquals("#f=a%20b%2Ac%2B%26s%3D1%23%3C%3E%28%29", FlameGraphHtml.fragment("a b*c+&s=1#<>()"));
        for (String name : FlameInputs.HOSTILE) {
            String fragment = FlameGraphHtml.fragment(name);
            assertTrue(fragment.substring(1).matches("f=[A-Za-z0-9._%-]*"), fragment);
            assertEquals(Names.printable(name), URLDecoder.decode(fragment.substring(3), StandardCharsets.UTF_8));
        }
    }

    @Test
    void compactScriptDropsIndentationAndCommentLinesOnly() {
        assertEquals("a();\nif (b) {\nc('// not a comment');\n}",
                FlameGraphHtml.compact("  // note\n  a();\n\n  if (b) {\n    c('// not a comment');\n  }\n"));
    }

    @Test
    void frontCodingNeverSplitsASurrogatePair() {
        assertEquals(3, FlameJson.commonPrefix("abcd", "abcx"));
        assertEquals(1, FlameJson.commonPrefix("a\uD83D\uDE00", "a\uD83D\uDE01"));
    }

    static JsonNode data(String html) throws IOException {
        return new ObjectMapper().readTree(json(html));
    }

    /** The JSON data a {@code flamegraph.html} page carries, inflated (its frame names are only in there). */
    public static String json(String html) throws IOException {
        Matcher data = DATA.matcher(html);
        assertTrue(data.find(), "data element");
        byte[] gzip = Base64.getDecoder().decode(data.group(1));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(value -> strings.add(value.asText()));
        return strings;
    }

    private static List<String> names(JsonNode coded) {
        List<String> names = new ArrayList<>();
        String previous = "";
        for (JsonNode entry : coded) {
            String text = entry.asText();
            previous = previous.substring(0, text.charAt(0) - ' ') + text.substring(1);
            names.add(previous);
        }
        return names;
    }

    /** Every node's root path (root excluded) with its base and head totals, rebuilt from the arrays. */
    private static Map<List<String>, long[]> decode(JsonNode data) {
        List<String> names = names(data.get("names"));
        int n = data.get("name").size();
        long[] up = dense(data.get("up"), n);
        long[] base = dense(data.get("base"), n);
        long[] diff = dense(data.get("diff"), n);
        int[] depth = new int[n];
        int[] parent = new int[n];
        long[][] totals = new long[n][2];
        List<List<String>> paths = new ArrayList<>();
        int[] stack = new int[n];
        paths.add(List.of());
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                depth[i] = depth[i - 1] + 1 - (int) up[i];
                parent[i] = stack[depth[i] - 1];
                List<String> path = new ArrayList<>(paths.get(parent[i]));
                path.add(names.get(data.get("name").get(i).asInt()));
                paths.add(path);
            }
            stack[depth[i]] = i;
            totals[i][0] = base[i];
            totals[i][1] = base[i] + diff[i];
        }
        for (int i = n - 1; i > 0; i--) {
            totals[parent[i]][0] += totals[i][0];
            totals[parent[i]][1] += totals[i][1];
        }
        Map<List<String>, long[]> byPath = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byPath.put(paths.get(i), totals[i]);
        }
        return byPath;
    }

    private static long[] dense(JsonNode pairs, int n) {
        long[] values = new long[n];
        int position = 0;
        for (int k = 0; k < pairs.size(); k += 2) {
            position += pairs.get(k).asInt();
            values[position] = pairs.get(k + 1).asLong();
        }
        return values;
    }

    static List<String> path(FlameTree tree, int node) {
        List<String> path = new ArrayList<>();
        for (int n = node; n > 0; n = tree.parent(n)) {
            path.add(0, tree.name(n));
        }
        return path;
    }
}
