package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.DiffNode;
import dev.profgate.analysis.Effect;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.FindingKind;
import dev.profgate.analysis.Interval;
import dev.profgate.analysis.SideSummary;
import dev.profgate.analysis.SourceRef;
import dev.profgate.analysis.Verdict;
import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.rules.Rule;
import dev.profgate.rules.RuleCatalog;
import dev.profgate.rules.RuleHit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Comparison values built by hand for the report tests (the mock-up's regex-per-call case, hostile names). */
public final class Comparisons {
    public static final List<String> HOSTILE = List.of(
            "<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "a`b``c```d", "x|y||z",
            "@octocat please look", "**bold** _it_ [link](http://e.x) ![i](http://e.x/i.png)", "line1\nline2\r\n| --- |",
            "</pre></details><b>x</b>", "&lt;entity&gt; &amp; \\| \\`", "\u001b[31mred\u202Eevil");

    private Comparisons() {
    }

    static Finding finding(String function, FindingKind kind, double base, double head, String file, int line,
                           List<String> path, Verdict severity) {
        double delta = head - base;
        return new Finding(function, kind, Finding.Metric.TOTAL_SHARE, base, head, delta,
                new Interval(delta - 0.02, delta + 0.02),
                new Effect(delta, new Interval(delta - 0.02, delta + 0.02), base == 0 ? Double.POSITIVE_INFINITY : head / base),
                1e-33, 2.2e-31, 0.0031, Double.NaN,
                new SourceRef(file, line), path, severity);
    }

    static DiffNode node(String function, double base, double head, boolean significant, boolean culprit,
                         DiffNode... children) {
        return new DiffNode(function, base, head, head - base, new Interval(head - base - 0.01, head - base + 0.01),
                head - base, significant ? 1e-9 : 0.5, significant, culprit, List.of(children));
    }

    /** The mock-up: a regex compiled per call, a new JSON validation, one improvement. */
    public static Comparison regexPerCall() {
        List<Finding> findings = List.of(
                finding("regexp.MustCompile", FindingKind.REGRESSION, 0.0, 0.241, "/src/payments/payments.go", 30,
                        List.of("main", "payments.HandlePayment", "payments.validate", "regexp.MustCompile"),
                        Verdict.FAIL),
                finding("encoding/json.Valid", FindingKind.NEW, 0.0, 0.042, "payments.go", 38,
                        List.of("main", "payments.HandlePayment", "payments.parse", "encoding/json.Valid"),
                        Verdict.WARN),
                finding("strings.ToUpper", FindingKind.IMPROVEMENT, 0.031, 0.022, "", 0,
                        List.of("strings.ToUpper"), Verdict.PASS));
        DiffNode tree = node("main", 1.0, 1.0, false, false,
                node("payments.HandlePayment", 0.782, 0.869, true, false,
                        node("payments.validate", 0.06, 0.31, true, false,
                                node("regexp.MustCompile", 0.0, 0.241, true, true)),
                        node("payments.parse", 0.401, 0.41, false, false),
                        node("payments.render", 0.203, 0.191, false, false)));
        return new Comparison("cpu", new SideSummary(6, 21480, List.of("base/1.pb.gz")),
                new SideSummary(6, 20910, List.of("head/1.pb.gz")), Verdict.FAIL, findings, tree, 0.006, 412, 0.05,
                List.of("one profile per side: count test with over-dispersion factor 1.8"));
    }

    /** One regression per hostile name, each name also on the call path and in the tree. */
    public static Comparison hostile() {
        List<Finding> findings = HOSTILE.stream()
                .map(name -> finding(name, FindingKind.REGRESSION, 0.01, 0.05, fileName(name), 7,
                        List.of("main", "caller of " + name, name), Verdict.FAIL))
                .toList();
        DiffNode[] leaves = HOSTILE.stream().map(name -> node(name, 0.01, 0.05, true, true)).toArray(DiffNode[]::new);
        return new Comparison("cpu<b>`|@x", new SideSummary(3, 900, List.of()), new SideSummary(3, 910, List.of()),
                Verdict.FAIL, findings, node("main", 1, 1, false, false, leaves), 0.01, 20, 0.05,
                List.of("note with <b>html</b> and @team"));
    }

    /** A hostile name as a file name (path separators removed so the report shows all of it). */
    static String fileName(String name) {
        return name.replaceAll("[/\\\\]", "") + ".go";
    }

    /** The report data of {@code comparison} with the built-in rule catalog and no rule hits. */
    static ReportData data(Comparison comparison, String gate) {
        return new ReportData(comparison, gate, RuleCatalogLoader.builtIn(), Map.of());
    }

    /** The mock-up with the catalog's Go regex rule explaining its first finding. */
    static ReportData regexWithHit() {
        Comparison comparison = regexPerCall();
        RuleCatalog catalog = RuleCatalogLoader.builtIn();
        Rule rule = catalog.rule("go-regexp-compile-per-call");
        RuleHit hit = new RuleHit(rule.id(), rule.title(), rule.advice(), rule.link(), "regexp.MustCompile",
                "payments.validate", new SourceRef("payments/payments.go", 30), 0.24);
        return new ReportData(comparison, "payments/cpu", catalog, Map.of(comparison.findings().get(0), List.of(hit)));
    }

    /** {@link #hostile()} with each finding explained by a rule whose id, frame, caller and file are its hostile name. */
    static ReportData hostileWithHits() {
        Comparison comparison = hostile();
        Map<Finding, List<RuleHit>> hits = new LinkedHashMap<>();
        for (Finding finding : comparison.findings()) {
            String name = finding.function();
            hits.put(finding, List.of(new RuleHit(name, "title " + name, "advice " + name, "https://example.test/"
                    + name, name, "caller of " + name, new SourceRef(fileName(name), 9), 0.04)));
        }
        return new ReportData(comparison, "cpu", RuleCatalogLoader.builtIn(), hits);
    }

    /** No change at all. */
    static Comparison clean() {
        return new Comparison("alloc_space", new SideSummary(5, 1000, List.of()), new SideSummary(5, 1010, List.of()),
                Verdict.PASS, List.of(), node("main", 1, 1, false, false), 0.004, 120, 0.05, List.of());
    }
}
