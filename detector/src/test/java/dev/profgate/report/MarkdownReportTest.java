package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.DiffNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    private static final Pattern CODE = Pattern.compile("<code>(.*?)</code>");
    private static final Pattern ENTITY = Pattern.compile("&#(\\d+);");
    /** The markup the report itself emits; anything else that looks like markup came from a name. */
    private static final Pattern OWN_MARKUP = Pattern.compile(
            "</?code>|</?pre>|</?details>|</?summary>|<br>|</?sub>|\\*\\*|^<!-- profgate:gate=[A-Za-z0-9._/:-]+ -->$",
            Pattern.MULTILINE);

    @Test
    void startsWithTheMarkerAndTheVerdict() {
        List<String> lines = MarkdownReport.render(Comparisons.regexPerCall(), "payments-api/cpu").lines().toList();
        assertEquals("<!-- profgate:gate=payments-api/cpu -->", lines.get(0));
        assertTrue(lines.get(1).startsWith("### ❌ profgate FAIL: 1 regression, 1 improvement, 1 new function"),
                lines.get(1));
        assertTrue(lines.get(1).contains("6 vs 6 replicates"), lines.get(1));
    }

    @Test
    void theGateCannotCloseTheMarker() {
        String marker = MarkdownReport.marker("x --> <img src=x>\n@y");
        assertTrue(marker.startsWith("<!-- profgate:gate="));
        assertEquals(marker.length() - 3, marker.indexOf("-->"), marker);
        assertFalse(marker.contains("<img") || marker.contains("\n") || marker.contains("@"), marker);
    }

    @Test
    void findingsTableShowsFiveColumnsOfShortNamesKindSourceEffectAndQ() {
        String md = MarkdownReport.render(Comparisons.regexPerCall(), "g");
        assertTrue(md.contains("\n| | culprit ← called from | Δ cost (95% CI) · Δ share | q | rule |\n|---|---|---|---|---|\n"),
                md);
        String row = decode(tableRows(md).get(0));
        assertEquals("| ❌ | <code>regexp.MustCompile</code> ← <code>payments.validate</code><br><sub>regression (total)"
                + " · payments.go:30</sub> | +24.1% new<br><sub>(+22.1 … +26.1) · +24.1 pp</sub> | 2e\u201131 |  |", row);
        assertTrue(decode(tableRows(md).get(2)).startsWith("| ✅ | <code>strings.ToUpper</code><br><sub>improvement"
                + " (total)</sub> | -0.90% ×"), tableRows(md).get(2));
    }

    @Test
    void fullNamesSharesAndNotesAreFolded() {
        Comparison c = Comparisons.hostile();
        String md = MarkdownReport.render(c, "cpu");
        String full = md.substring(md.indexOf("<details><summary>Findings with full names</summary>"));
        List<String> items = full.substring(0, full.indexOf("</details>")).lines().filter(l -> l.startsWith("- "))
                .toList();
        assertEquals(Comparisons.HOSTILE.size(), items.size(), md);
        for (int i = 0; i < items.size(); i++) {
            String name = Comparisons.HOSTILE.get(i);
            assertEquals(List.of(expected(name), expected("caller of " + name), expected(Comparisons.fileName(name)
                    + ":7")), codeSpans(items.get(i)));
        }
        String notes = md.substring(md.lastIndexOf("<details><summary>How this run tested ("));
        assertEquals(c.notes().size(), notes.lines().filter(l -> l.startsWith("- ")).count(), notes);
        assertTrue(notes.endsWith("</details>\n"), notes);
    }

    /**
     * A Go template parsed per call, fixed ({@link FlameInputs#goFormatterRevert}): the handler's share grows from 76%
     * to 98% only because the parse left, so its tree line gives that share and, as its change, the fall of its cost
     * relative to the code that did not change; the full names give both units too.
     */
    @Test
    void aRevertsTreeGivesTheCallersCostFallingWhereTheirShareGrew() {
        String md = MarkdownReport.render(FlameInputs.goFormatterRevert());
        String handler = md.lines().filter(l -> l.contains("└─ main.run ")).findFirst().orElseThrow();
        assertTrue(handler.matches(".*75\\.7% → +97\\.8% +-2\\d\\.\\d%"), handler);
        assertTrue(md.contains("<code>runtime.mcall</code> at <code>asm&#95;amd64.s:448</code>: 8.3% → 0.12% of the "
                + "profile (-8.2 pp; Δ cost -8.2% &#215;0.00678), improvement (total)"), md);
    }

    @Test
    void treeIsDrawnInsideDetailsWithCulpritMarkedAndQuietBranchesLeftOut() {
        String md = MarkdownReport.render(Comparisons.regexPerCall(), "g");
        int open = md.indexOf("<details><summary>Differential call tree");
        int pre = md.indexOf("<pre>\n", open);
        int end = md.indexOf("</pre>\n</details>", pre);
        assertTrue(open > md.indexOf("| ✅ |") && pre > open && end > pre, md);
        List<String> tree = md.substring(pre + 6, end).lines().toList();
        assertEquals(5, tree.size(), md);
        assertTrue(tree.get(0).matches("main +100\\.0% → 100\\.0% +~"), tree.get(0));
        assertTrue(tree.get(1).matches("└─ payments\\.HandlePayment +78\\.2% → +86\\.9% +\\+8\\.7%"), tree.get(1));
        assertTrue(tree.get(2).startsWith("   └─ payments.validate "), tree.get(2));
        assertTrue(tree.get(3).matches("      └─ regexp\\.MustCompile +0\\.0% → +24\\.1% +\\+24\\.1% ⚠️"),
                tree.get(3));
        assertEquals("… 2 more nodes in report.json", tree.get(4));
        assertEquals(1, tree.stream().filter(l -> l.contains("⚠️")).count());
    }

    @Test
    void saysWhatTheRunCouldNotSee() {
        String md = MarkdownReport.render(Comparisons.regexPerCall(), "g");
        assertTrue(md.contains("Could not see: changes smaller than **0.60 pp** in a function"), md);
        assertTrue(md.contains("412 functions tested, FDR 5%."), md);
        assertTrue(md.contains("<details><summary>How this run tested (1 note)</summary>\n\n- one profile per side: "
                + "count test with over-dispersion factor 1.8"), md);
    }

    @Test
    void hostileNamesComeBackIntactInsideCodeAndNothingElseLeaks() {
        Comparison c = Comparisons.hostile();
        String md = MarkdownReport.render(c, "cpu");
        List<String> rows = tableRows(md);
        assertEquals(Comparisons.HOSTILE.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String name = Comparisons.HOSTILE.get(i);
            assertEquals(6, rows.get(i).chars().filter(ch -> ch == '|').count(), rows.get(i));
            assertEquals(List.of(expected(ShortName.of(name)), expected("caller of " + name)), codeSpans(rows.get(i)));
        }
        String rest = OWN_MARKUP.matcher(md).replaceAll("");
        for (String forbidden : List.of("<", ">", "`", "[", "]", "*", "_", "\\", "\r", "\u001b", "\u202E")) {
            assertFalse(rest.contains(forbidden), () -> "unescaped " + forbidden + " in\n" + md);
        }
        assertFalse(Pattern.compile("@[^&]").matcher(md).find(), md);
    }

    @Test
    void eachFindingNamesItsRulesAndEachRuleGivesItsAdviceOnce() {
        ReportData data = Comparisons.regexWithHit();
        String md = MarkdownReport.render(data);
        List<String> rows = tableRows(md);
        String title = data.hits(data.comparison().findings().get(0)).get(0).title();
        assertTrue(rows.get(0).endsWith("| " + Markdown.text(title) + " |"), rows.get(0));
        assertTrue(rows.get(1).endsWith(" |  |"), rows.get(1));
        List<String> advice = md.lines().filter(l -> l.startsWith("- **")).toList();
        assertEquals(1, advice.size(), md);
        assertEquals(List.of("go-regexp-compile-per-call", "regexp.MustCompile", "payments.validate",
                "payments.go:30"), codeSpans(advice.get(0)));
        String link = data.hits(data.comparison().findings().get(0)).get(0).link();
        assertTrue(advice.get(0).endsWith(" [why](" + link + ")"), advice.get(0));
        assertTrue(md.indexOf(advice.get(0)) < md.indexOf("<details>"), "advice before the call tree");
    }

    @Test
    void hostileRuleHitsRenderInertly() {
        String md = MarkdownReport.render(Comparisons.hostileWithHits());
        List<String> advice = md.lines().filter(l -> l.startsWith("- **")).toList();
        assertEquals(Comparisons.HOSTILE.size(), advice.size(), md);
        for (int i = 0; i < advice.size(); i++) {
            String name = Comparisons.HOSTILE.get(i);
            assertEquals(List.of(expected(name), expected(name), expected("caller of " + name),
                    expected(Comparisons.fileName(name) + ":9")), codeSpans(advice.get(i)));
            assertEquals(6, tableRows(md).get(i).chars().filter(ch -> ch == '|').count(), tableRows(md).get(i));
        }
        String rest = OWN_MARKUP.matcher(md.replaceAll("\\[why]\\([^)\\s]*\\)", "")).replaceAll("");
        for (String forbidden : List.of("<", ">", "`", "*", "\r", "\u001b", "\u202E")) {
            assertFalse(rest.contains(forbidden), () -> "unescaped " + forbidden + " in\n" + md);
        }
    }

    @Test
    void hostileNamesInTheTreeStayInsideThePreBlock() {
        String md = MarkdownReport.render(Comparisons.hostile(), "cpu");
        assertEquals(1, count(md, "<pre>"));
        assertEquals(1, count(md, "</pre>"));
        assertEquals(count(md, "<details>"), count(md, "</details>"));
        int pre = md.indexOf("<pre>\n");
        List<String> tree = md.substring(pre + 6, md.indexOf("</pre>")).lines().toList();
        assertEquals(Comparisons.HOSTILE.size() + 1, tree.size());
        for (int i = 0; i < Comparisons.HOSTILE.size(); i++) {
            assertFalse(tree.get(i + 1).contains("<"), tree.get(i + 1));
            String drawn = decode(tree.get(i + 1).substring(3));
            String name = expected(ShortName.of(Comparisons.HOSTILE.get(i)));
            assertTrue(drawn.startsWith(name.substring(0, Math.min(8, name.length()))), drawn);
        }
    }

    @Test
    void aHundredThousandFrameChainIsCutNotOverflowed() {
        DiffNode node = Comparisons.node("leaf", 0, 0.1, true, true);
        for (int i = 0; i < 100_000; i++) {
            node = Comparisons.node("f" + i, 0.5, 0.6, true, false, node);
        }
        Comparison deep = new Comparison("cpu", Comparisons.clean().base(), Comparisons.clean().head(),
                Comparisons.clean().verdict(), List.of(), node, 0.01, 1, 0.05, List.of());
        String md = MarkdownReport.render(deep, "cpu");
        assertTrue(md.contains("… " + (100_001 - MarkdownReport.MAX_TREE_LINES) + " more nodes in report.json"), md);
        assertTrue(md.length() < 65_536, "a GitHub comment holds at most 65,536 characters: " + md.length());
    }

    /**
     * A tree 40 calls deep (a regex compiled under a JVM's method-handle frames) keeps every line of its drawing
     * within the 113 columns that GitHub's 862-pixel code block shows without scrolling (seen in Chromium: a
     * 120-column drawing scrolled by 48 pixels).
     */
    @Test
    void aDeepTreeStaysWithinTheCommentWidth() {
        DiffNode node = Comparisons.node("java.lang.invoke.DirectMethodHandle$Holder.invokeSpecial", 0.5, 0.6, true,
                true);
        for (int i = 0; i < 40; i++) {
            node = Comparisons.node("java.util.regex.Pattern.sequence" + i, 0.5, 0.6, true, false, node);
        }
        Comparison deep = new Comparison("cpu", Comparisons.clean().base(), Comparisons.clean().head(),
                Comparisons.clean().verdict(), List.of(), node, 0.01, 1, 0.05, List.of());
        String md = MarkdownReport.render(deep, "cpu");
        String drawing = md.substring(md.indexOf("<pre>") + 5, md.indexOf("</pre>"));
        List<String> lines = drawing.lines().map(l -> l.replace("&#60;", "<").replace("&#62;", ">")
                .replace("&#8230;", "…").replace("&#38;", "&")).toList();
        assertTrue(lines.size() > 40, drawing);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 113), drawing);
    }

    @Test
    void cleanRunPassesWithoutTable() {
        String md = MarkdownReport.render(Comparisons.clean(), MarkdownReport.defaultGate(Comparisons.clean()));
        assertTrue(md.startsWith("<!-- profgate:gate=alloc_space -->\n### ✅ profgate PASS: no significant change"), md);
        assertFalse(md.contains("| culprit"), md);
    }

    /** What a reader should see: the name with {@code @} defused and line breaks replaced. */
    private static String expected(String name) {
        return name.replace("@", "@\u200B").replaceAll("[\\r\\n\\u001b\\u202E]", "\uFFFD");
    }

    private static List<String> tableRows(String md) {
        return md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| | culprit")).toList();
    }

    private static List<String> codeSpans(String row) {
        List<String> spans = new ArrayList<>();
        Matcher m = CODE.matcher(row);
        while (m.find()) {
            spans.add(decode(m.group(1)));
        }
        return spans;
    }

    private static String decode(String html) {
        return ENTITY.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                new String(Character.toChars(Integer.parseInt(m.group(1))))));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
