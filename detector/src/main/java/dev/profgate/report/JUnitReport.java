package dev.profgate.report;

import dev.profgate.analysis.BenchmarkResult;
import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.ProfileComparison;
import dev.profgate.analysis.ScoreComparison;
import dev.profgate.analysis.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code junit.xml}: the comparison as a JUnit XML test suite (the Ant/Surefire layout read by Jenkins' JUnit plugin
 * and GitHub test reporters). One suite per comparison, named after the gate; one test case for the gate's verdict
 * and one per finding (named function and metric, stable across runs). A bench run gives one suite per benchmark:
 * one case per compared metric (score, CPU time per operation) and one per function finding of each profile type.
 * Findings and metrics that fail the gate, and a failing verdict, carry a {@code <failure>} with a one-line message
 * and the details as its text; the other cases pass and carry the details as {@code <system-out>}. Nothing depends on
 * the clock: durations are 0.
 */
public final class JUnitReport {
    /** The name of the test case holding the verdict. */
    static final String GATE_CASE = "gate verdict";

    private JUnitReport() {
    }

    /** One test suite: its name, test cases, failures and properties (already XML). */
    private record Suite(String name, List<String> cases, int failures, String properties) {
    }

    /** The XML document of {@code data}, ending in a newline. */
    public static String render(ReportData data) {
        Comparison comparison = data.comparison();
        String suite = "profgate." + Names.printable(data.gate());
        List<String> cases = new ArrayList<>();
        cases.add(verdictCase(comparison, suite));
        int failures = comparison.verdict() == Verdict.FAIL ? 1 : 0;
        for (Finding finding : comparison.findings()) {
            cases.add(findingCase(data, finding, "", suite));
            failures += finding.severity() == Verdict.FAIL ? 1 : 0;
        }
        return document(List.of(new Suite(suite, cases, failures, properties(comparison, data.links()))));
    }

    /** The XML document of a bench run under gate {@code gate}, ending in a newline. */
    public static String render(BenchReport report, String gate) {
        List<Suite> suites = new ArrayList<>();
        for (BenchmarkResult result : report.outcome().benchmarks()) {
            String suite = "profgate." + Names.printable(gate) + "." + Names.printable(result.benchmark());
            List<String> cases = new ArrayList<>();
            int failures = 0;
            for (ScoreComparison score : result.scores()) {
                cases.add(scoreCase(score, suite));
                failures += score.verdict() == Verdict.FAIL ? 1 : 0;
            }
            for (ProfileComparison profile : result.profiles()) {
                ReportData data = new ReportData(profile.comparison(), gate, report.catalog(), report.rules());
                for (Finding finding : profile.comparison().findings()) {
                    cases.add(findingCase(data, finding, ", " + Names.printable(profile.comparison().profileType()),
                            suite));
                    failures += finding.severity() == Verdict.FAIL ? 1 : 0;
                }
            }
            String properties = "    <properties>\n" + property("verdict", result.verdict().label())
                    + "    </properties>\n";
            suites.add(new Suite(suite, cases, failures, properties));
        }
        return document(suites);
    }

    private static String document(List<Suite> suites) {
        int tests = suites.stream().mapToInt(s -> s.cases().size()).sum();
        int failures = suites.stream().mapToInt(Suite::failures).sum();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"profgate\"").append(counts(tests, failures)).append(" time=\"0\">\n");
        for (Suite suite : suites) {
            out.append("  <testsuite name=\"").append(Xml.attribute(suite.name())).append('"')
                    .append(counts(suite.cases().size(), suite.failures())).append(" skipped=\"0\" time=\"0\">\n");
            out.append(suite.properties());
            suite.cases().forEach(out::append);
            out.append("  </testsuite>\n");
        }
        return out.append("</testsuites>\n").toString();
    }

    private static String counts(int tests, int failures) {
        return " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\"";
    }

    private static String properties(Comparison c, List<ReportLink> links) {
        StringBuilder out = new StringBuilder("    <properties>\n");
        out.append(property("verdict", c.verdict().label()));
        out.append(property("profileType", Names.printable(c.profileType())));
        out.append(property("replicates", c.base().replicates() + " vs " + c.head().replicates()));
        out.append(property("minimumDetectableEffect", Formats.points(c.minimumDetectableEffect()) + " pp"));
        out.append(property("functionsTested", String.valueOf(c.functionsTested())));
        out.append(property("fdr", Formats.rate(c.fdr())));
        links.forEach(link -> out.append(property("link: " + Names.printable(link.label()), link.url())));
        return out.append("    </properties>\n").toString();
    }

    private static String property(String name, String value) {
        return "      <property name=\"" + Xml.attribute(name) + "\" value=\"" + Xml.attribute(value) + "\"/>\n";
    }

    private static String verdictCase(Comparison c, String suite) {
        String message = c.verdict().name() + ": " + Labels.counts(c) + " (" + Names.printable(Labels.scope(c)) + ")";
        List<String> lines = new ArrayList<>(List.of(message, Labels.limits(c)));
        c.notes().forEach(note -> lines.add("note: " + Names.printable(note)));
        return testCase(suite, GATE_CASE, c.verdict() == Verdict.FAIL, message, "verdict", lines);
    }

    /** A metric of a benchmark: fails when its verdict does; the message gives medians, change and q. */
    private static String scoreCase(ScoreComparison score, String suite) {
        String change = score.significant() ? BenchLabels.change(score) : "~ (no significant change)";
        String message = score.metric() + " " + BenchLabels.score(score.baseMedian(), score.unit()) + " → "
                + BenchLabels.score(score.headMedian(), score.unit()) + ": " + change + ", q "
                + Formats.probability(score.qValue());
        List<String> lines = List.of(message, "p " + Formats.probability(score.pValue()) + ", "
                + score.base().size() + " vs " + score.head().size() + " forks, verdict " + score.verdict().label());
        return testCase(suite, score.metric(), score.verdict() == Verdict.FAIL, message, "benchmark", lines);
    }

    /** A finding's case, named after its function and metric ({@code qualifier} appended, e.g. the profile type). */
    private static String findingCase(ReportData data, Finding finding, String qualifier, String suite) {
        String name = Names.printable(finding.function()) + " (" + finding.metric().label() + qualifier + ")";
        String message = CiText.summary(finding) + data.hits(finding).stream().findFirst()
                .map(hit -> " — " + Names.printable(hit.title())).orElse("");
        return testCase(suite, name, finding.severity() == Verdict.FAIL, message, finding.kind().label(),
                CiText.details(finding, data.hits(finding)));
    }

    private static String testCase(String suite, String name, boolean failed, String message, String type,
                                   List<String> details) {
        String body = Xml.text(String.join("\n", details));
        StringBuilder out = new StringBuilder("    <testcase classname=\"").append(Xml.attribute(suite))
                .append("\" name=\"").append(Xml.attribute(name)).append("\" time=\"0\">\n");
        if (failed) {
            out.append("      <failure message=\"").append(Xml.attribute(message)).append("\" type=\"")
                    .append(Xml.attribute(type)).append("\">").append(body).append("</failure>\n");
        } else {
            out.append("      <system-out>").append(body).append("</system-out>\n");
        }
        return out.append("    </testcase>\n").toString();
    }
}
