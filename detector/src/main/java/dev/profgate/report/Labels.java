package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FindingKind;
import dev.profgate.analysis.SourceRef;
import dev.profgate.rules.RuleHit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The wording shared by the text and Markdown reports (raw strings: each report escapes them its own way). */
public final class Labels {
    private Labels() {
    }

    /**
     * The culprit and where it is called from, e.g. {@code regexp.compile ← … ← payments.validate}: the nearest
     * caller on the call path outside the culprit's own package or class (the part of the name before its last
     * dot), else the direct caller; {@code …} stands for the frames skipped. {@code escape} is applied to each name.
     */
    static String culpritAndCaller(Finding finding, UnaryOperator<String> escape) {
        return Call.of(finding).render(escape, escape);
    }

    /** A finding's culprit, the caller named beside it (null when the path has none) and whether frames are skipped. */
    record Call(String culprit, String caller, boolean skipped) {
        /** The call of {@code finding}, as {@link #culpritAndCaller} names it. */
        static Call of(Finding finding) {
            List<String> path = finding.callPath();
            int last = path.size() - 1;
            if (last < 1) {
                return new Call(finding.function(), null, false);
            }
            String qualifier = qualifier(finding.function());
            int caller = last - 1;
            if (!qualifier.isEmpty()) {
                int foreign = last - 1;
                while (foreign >= 0 && qualifier.equals(qualifier(path.get(foreign)))) {
                    foreign--;
                }
                caller = foreign >= 0 ? foreign : caller;
            }
            return new Call(finding.function(), path.get(caller), caller < last - 1);
        }

        /** {@code culprit ← caller} (or {@code culprit ← … ← caller}), each name written by its function. */
        String render(UnaryOperator<String> culpritText, UnaryOperator<String> callerText) {
            String text = culpritText.apply(culprit);
            return caller == null ? text : text + (skipped ? " ← … ← " : " ← ") + callerText.apply(caller);
        }
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
    public static String kind(Finding finding) {
        return finding.kind().label() + " (" + finding.metric().label() + ")";
    }

    /**
     * A finding's change in its two units, relative to the code that did not change first, then the share change:
     * {@code -1.1% ×0.664 · +1.0 pp} (a function whose share grew beside a fix that removed more).
     */
    static String change(Finding finding) {
        return Formats.effect(finding.effect()) + " · " + Formats.signedPoints(finding.delta()) + " pp";
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

    /** The heading of the environment mismatches, when base and head were recorded in different environments. */
    static final String ENVIRONMENT_MISMATCH = "Environment mismatch: base and head were recorded differently, so a "
            + "change may come from the environment rather than the code";

    /** What the run could not see, e.g. {@code MDE 0.6 pp · 412 functions · FDR 5%}. */
    public static String limits(Comparison comparison) {
        return "MDE " + Formats.points(comparison.minimumDetectableEffect()) + " pp · "
                + Formats.count(comparison.functionsTested()) + " functions · FDR " + Formats.rate(comparison.fdr());
    }

    /** {@link #limits} with what the minimum detectable effect means, for the flame graphs' headers. */
    static String limitsExplained(Comparison comparison) {
        return limits(comparison) + " (minimum detectable effect at a 1% share, 80% power)";
    }

    /** The name without its last dot-separated part: the class of a Java method, the package of a Go function. */
    private static String qualifier(String function) {
        int dot = function.lastIndexOf('.');
        return dot < 0 ? "" : function.substring(0, dot);
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

    /** The ids of rule hits, comma-separated, unescaped (empty when none). */
    public static String ruleIds(List<RuleHit> hits) {
        return String.join(", ", hits.stream().map(RuleHit::id).toList());
    }

    /**
     * The rule hits of the first {@code rows} findings, one per rule and calling frame, in finding order: the hits
     * whose advice a report lists below its table.
     */
    public static Collection<RuleHit> adviceHits(List<Finding> findings, int rows, Function<Finding, List<RuleHit>> hits) {
        Map<String, RuleHit> advice = new LinkedHashMap<>();
        findings.stream().limit(rows).flatMap(f -> hits.apply(f).stream())
                .forEach(hit -> advice.putIfAbsent(hit.id() + " " + hit.caller(), hit));
        return advice.values();
    }
}
