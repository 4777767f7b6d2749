package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FindingKind;
import dev.profgate.analysis.Verdict;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextReportTest {
    @Test
    void verdictComesFirstThenTheTableThenTheLimits() {
        List<String> lines = TextReport.render(Comparisons.regexPerCall()).lines().filter(l -> !l.isBlank()).toList();
        assertEquals("profgate  base: 6 profiles (cpu, 21,480 samples)  head: 6 profiles (cpu, 20,910 samples)",
                lines.get(0));
        assertEquals("FAIL  1 regression, 1 improvement, 1 new function (cpu, 6 vs 6 replicates)", lines.get(1));
        assertTrue(lines.get(2).contains("culprit ← called from"), lines.get(2));
        assertEquals(List.of("+24.1", "+24.1%", "new", "2e-31", "regression", "(total)", "regexp.MustCompile", "←",
                "payments.validate", "payments.go:30"), List.of(lines.get(3).trim().split(" +")));
        Finding toUpper = Comparisons.regexPerCall().findings().get(2);
        String ratio = String.format(java.util.Locale.ROOT, "×%.3g", toUpper.head() / toUpper.base());
        assertEquals(List.of("-0.90", "-0.90%", ratio, "2e-31", "improvement", "(total)", "strings.ToUpper"),
                List.of(lines.get(5).trim().split(" +")));
        assertEquals("MDE 0.60 pp · 412 functions · FDR 5%", lines.get(6));
        assertEquals("note: one profile per side: count test with over-dispersion factor 1.8", lines.get(7));
    }

    @Test
    void columnsAreAligned() {
        List<String> table = TextReport.render(Comparisons.regexPerCall()).lines().skip(4).limit(4).toList();
        int culprit = table.get(0).indexOf("culprit");
        int source = table.get(0).indexOf("source");
        assertEquals(culprit, table.get(1).indexOf("regexp."));
        assertEquals(culprit, table.get(2).indexOf("json.Valid"));
        assertEquals(source, table.get(1).indexOf("payments.go:30"));
        assertEquals(table.get(0).indexOf("pp") + 1, table.get(1).indexOf("1 "));
    }

    @Test
    void controlCharactersCannotReachTheTerminal() {
        String text = TextReport.render(Comparisons.hostile());
        assertFalse(text.chars().anyMatch(c -> c == 0x1b || c == '\r' || c == 0x202E), text);
        assertEquals(Comparisons.hostile().findings().size(),
                text.lines().filter(l -> l.contains("regression (total)")).count(), text);
    }

    @Test
    void eachFindingNamesItsRulesFollowedByTheirAdvice() {
        List<String> lines = TextReport.render(Comparisons.regexWithHit()).lines().toList();
        String header = lines.stream().filter(l -> l.contains("culprit ← called from")).findFirst().orElseThrow();
        assertTrue(header.endsWith("rule"), header);
        String first = lines.get(lines.indexOf(header) + 1);
        assertTrue(first.endsWith("go-regexp-compile-per-call"), first);
        assertEquals(header.indexOf("rule"), first.indexOf("go-regexp-compile-per-call"), "aligned");
        int rule = lines.indexOf("rule go-regexp-compile-per-call: Regular expression compiled on every call: "
                + "regexp.MustCompile called from payments.validate (payments.go:30), +24.0 pp");
        assertTrue(rule > lines.indexOf(first), String.join("\n", lines));
        assertTrue(lines.get(rule + 1).startsWith("  advice: "), lines.get(rule + 1));
        assertTrue(lines.get(rule + 2).startsWith("  see: https://"), lines.get(rule + 2));
        String narrow = TextReport.render(Comparisons.regexWithHit(), new TextStyle(80, false));
        assertTrue(narrow.contains("\nrule go-regexp-compile-per-call: Regular expression compiled on every call:\n"
                + "    regexp.MustCompile called from payments.validate (payments.go:30), +24.0 pp\n  advice: "), narrow);
        assertTrue(narrow.lines().allMatch(l -> l.length() <= 80), narrow);
    }

    @Test
    void hostileRuleHitsCannotReachTheTerminal() {
        String text = TextReport.render(Comparisons.hostileWithHits());
        assertFalse(text.chars().anyMatch(c -> c == 0x1b || c == '\r' || c == 0x202E), text);
        assertEquals(Comparisons.HOSTILE.size(), text.lines().filter(l -> l.startsWith("rule ")).count(), text);
    }

    @Test
    void longListsAreCutWithAPointerToTheJson() {
        Comparison base = Comparisons.regexPerCall();
        List<Finding> many = IntStream.range(0, TextReport.MAX_ROWS + 7)
                .mapToObj(i -> Comparisons.finding("f" + i, FindingKind.REGRESSION, 0.01, 0.02, "f.go", i,
                        List.of("f" + i), Verdict.FAIL)).toList();
        Comparison c = new Comparison(base.profileType(), base.base(), base.head(), base.verdict(), many, base.tree(),
                base.minimumDetectableEffect(), base.functionsTested(), base.fdr(), base.notes());
        String text = TextReport.render(c);
        assertTrue(text.contains("f" + (TextReport.MAX_ROWS - 1) + " "), text);
        assertFalse(text.contains("f" + TextReport.MAX_ROWS + " "), text);
        assertTrue(text.contains("… 7 more findings in report.json"), text);
    }

    @Test
    void cleanRunSaysSo() {
        String text = TextReport.render(Comparisons.clean());
        assertTrue(text.contains("\nPASS  no significant change (alloc_space, 5 vs 5 replicates)\n"), text);
        assertFalse(text.contains("culprit"), text);
    }
}
