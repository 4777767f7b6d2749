package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FindingKind;
import dev.profgate.analysis.SourceRef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The wording shared by the text and Markdown reports (raw strings: each report escapes them its own way). */
final class Labels {
    private Labels() {
    }

    /** The direct caller of a finding's function on its call path, or null at the root. */
    static String caller(Finding finding) {
        List<String> path = finding.callPath();
        return path.size() >= 2 ? path.get(path.size() - 2) : null;
    }

    /** {@code file:line} with the file's last path segment (full path in report.json), or empty when unknown. */
    static String source(SourceRef source) {
        if (source == null) {
            return "";
        }
        String file = source.file() == null ? "" : lastSegment(source.file());
        if (source.line() <= 0) {
            return file;
        }
        return file.isEmpty() ? "line " + source.line() : file + ":" + source.line();
    }

    /** The kind and the compared value, e.g. {@code regression (self)}. */
    static String kind(Finding finding) {
        return finding.kind().label() + " (" + finding.metric().label() + ")";
    }

    /** What was compared: {@code cpu, 6 vs 6 replicates}. */
    static String scope(Comparison comparison) {
        return comparison.profileType() + ", " + comparison.base().replicates() + " vs "
                + comparison.head().replicates() + " replicates";
    }

    /** The findings counted by kind, e.g. {@code 2 regressions, 1 improvement}, or {@code no significant change}. */
    static String counts(Comparison comparison) {
        Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);
        comparison.findings().forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(n + " " + noun(kind, n)));
        return parts.isEmpty() ? "no significant change" : String.join(", ", parts);
    }

    /** What the run could not see, e.g. {@code MDE 0.6 pp · 412 functions · FDR 5%}. */
    static String limits(Comparison comparison) {
        return "MDE " + Formats.points(comparison.minimumDetectableEffect()) + " pp · "
                + Formats.count(comparison.functionsTested()) + " functions · FDR " + Formats.rate(comparison.fdr());
    }

    private static String lastSegment(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static String noun(FindingKind kind, int n) {
        String singular = switch (kind) {
            case REGRESSION -> "regression";
            case IMPROVEMENT -> "improvement";
            case SHIFT -> "cost shift";
            case NEW -> "new function";
            case GONE -> "gone function";
        };
        return n == 1 ? singular : singular + "s";
    }
}
