package dev.profgate.report;

import dev.profgate.analysis.Finding;
import dev.profgate.base.Names;
import dev.profgate.rules.RuleHit;
import java.util.ArrayList;
import java.util.List;

/**
 * The wording of a finding in the CI outputs (JUnit XML, SARIF): a one-line summary and the detail lines. Names are
 * made printable; each format escapes the result its own way.
 */
final class CiText {
    /** Frames of a call path shown (the ones nearest the function); the whole path is in report.json. */
    static final int MAX_PATH_FRAMES = 12;

    private CiText() {
    }

    /** E.g. {@code +24.1 pp total share (95% CI +22.0 … +26.3), q 2e-31: regexp.MustCompile ← payments.validate}.
     */
    static String summary(Finding finding) {
        return change(finding) + ": " + Labels.culpritAndCaller(finding, Names::printable);
    }

    /** E.g. {@code +24.1 pp total share (95% CI +22.0 … +26.3), q 2e-31}. */
    static String change(Finding finding) {
        return Formats.signedPoints(finding.delta()) + " pp " + finding.metric().label() + " share (95% CI "
                + Formats.interval(finding.ci()) + "), q " + Formats.probability(finding.qValue());
    }

    /** Every detail of {@code finding} and the rules that explain it, one line each. */
    static List<String> details(Finding finding, List<RuleHit> hits) {
        List<String> lines = new ArrayList<>();
        lines.add(Names.printable(finding.function()) + ": " + Labels.kind(finding) + ", " + gateEffect(finding));
        lines.add("base " + Formats.percent(finding.base()) + " → head " + Formats.percent(finding.head()) + ": "
                + change(finding));
        lines.add("p " + Formats.probability(finding.pValue()) + ", Welch p " + Formats.probability(finding.welchP())
                + ", Mann-Whitney p " + Formats.probability(finding.mannWhitneyP()));
        String source = sourceText(finding);
        if (!source.isEmpty()) {
            lines.add("source: " + source);
        }
        lines.add("call path: " + callPath(finding.callPath()));
        hits.forEach(hit -> lines.addAll(rule(hit)));
        return lines;
    }

    /** The rule hit in one line: title, the expensive frame and the application frame calling it, with its source. */
    static String hitSummary(RuleHit hit) {
        String caller = hit.caller().isEmpty() || hit.caller().equals(hit.frame()) ? ""
                : " called from " + Names.printable(hit.caller());
        String where = Names.printable(Labels.source(hit.source()));
        return Names.printable(hit.title()) + ": " + Names.printable(hit.frame()) + caller
                + (where.isEmpty() ? "" : " (" + where + ")") + ", " + Formats.signedPoints(hit.delta()) + " pp";
    }

    /** The call path from the root, at most {@link #MAX_PATH_FRAMES} frames (the deepest), joined by arrows. */
    static String callPath(List<String> path) {
        int skipped = Math.max(0, path.size() - MAX_PATH_FRAMES);
        List<String> shown = path.subList(skipped, path.size()).stream().map(Names::printable).toList();
        return (skipped > 0 ? "… (" + skipped + " frames) → " : "") + String.join(" → ", shown);
    }

    /** The rule hit in three lines: id and {@link #hitSummary}, the advice, the reference. */
    static List<String> rule(RuleHit hit) {
        return List.of("rule " + Names.printable(hit.id()) + ": " + hitSummary(hit),
                "  advice: " + Names.printable(hit.advice()), "  see: " + Names.printable(hit.link()));
    }

    private static String gateEffect(Finding finding) {
        return switch (finding.severity()) {
            case FAIL -> "fails the gate";
            case WARN -> "warns";
            case PASS -> "passes";
        };
    }

    private static String sourceText(Finding finding) {
        if (finding.source() == null || finding.source().file() == null || finding.source().file().isEmpty()) {
            return Labels.source(finding.source());
        }
        String file = Names.printable(finding.source().file());
        return finding.source().line() > 0 ? file + ":" + finding.source().line() : file;
    }
}
