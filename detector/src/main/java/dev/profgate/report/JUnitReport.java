package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Verdict;
import dev.profgate.base.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code junit.xml}: the comparison as a JUnit XML test suite (the Ant/Surefire layout read by Jenkins' JUnit plugin
 * and GitHub test reporters). One suite per comparison, named after the gate; one test case for the gate's verdict
 * and one per finding (named function and metric, stable across runs); other modes build their suites from the same
 * cases ({@link #findingCase}, {@link #testCase}, {@link #document}).
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
    public record Suite(String name, List<String> cases, int failures, String properties) {
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

    /** The XML document of {@code suites}, ending in a newline. */
    public static String document(List<Suite> suites) {
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

    /** One {@code <property>} element, indented for a suite's {@code <properties>}. */
    public static String property(String name, String value) {
        return "      <property name=\"" + Xml.attribute(name) + "\" value=\"" + Xml.attribute(value) + "\"/>\n";
    }

    /** The verdict's case: its message the verdict and the top finding, the method notes as output. */
    private static String verdictCase(Comparison c, String suite) {
        String top = c.findings().isEmpty() ? "" : "; top: " + CiText.summary(c.findings().get(0));
        String message = c.verdict().name() + ": " + Labels.counts(c) + " (" + Names.printable(Labels.scope(c)) + ")"
                + top;
        List<String> notes = c.notes().stream().map(note -> "note: " + Names.printable(note)).toList();
        return testCase(suite, GATE_CASE, c.verdict() == Verdict.FAIL, message, "verdict",
                List.of(message, Labels.limits(c)), notes);
    }

    /** A finding's case, named after its function and metric ({@code qualifier} appended, e.g. the profile type). */
    public static String findingCase(ReportData data, Finding finding, String qualifier, String suite) {
        String name = Names.printable(finding.function()) + " (" + finding.metric().label() + qualifier + ")";
        String message = CiText.summary(finding) + data.hits(finding).stream().findFirst()
                .map(hit -> " — " + Names.printable(hit.title())).orElse("");
        return testCase(suite, name, finding.severity() == Verdict.FAIL, message, finding.kind().label(),
                CiText.details(finding, data.hits(finding)), List.of());
    }

    /**
     * One {@code <testcase>}: a {@code <failure>} with {@code message} and {@code details} when {@code failed}, else the
     * details as output; {@code output} always goes to {@code <system-out>}.
     */
    public static String testCase(String suite, String name, boolean failed, String message, String type,
                                  List<String> details, List<String> output) {
        StringBuilder out = new StringBuilder("    <testcase classname=\"").append(Xml.attribute(suite))
                .append("\" name=\"").append(Xml.attribute(name)).append("\" time=\"0\">\n");
        List<String> printed = new ArrayList<>(output);
        if (failed) {
            out.append("      <failure message=\"").append(Xml.attribute(message)).append("\" type=\"")
                    .append(Xml.attribute(type)).append("\">").append(Xml.text(String.join("\n", details)))
                    .append("</failure>\n");
        } else {
            printed.addAll(0, details);
        }
        if (!printed.isEmpty()) {
            out.append("      <system-out>").append(Xml.text(String.join("\n", printed))).append("</system-out>\n");
        }
        return out.append("    </testcase>\n").toString();
    }
}
