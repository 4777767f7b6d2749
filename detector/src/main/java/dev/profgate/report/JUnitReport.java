package dev.profgate.report;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Finding;
import dev.profgate.analysis.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code junit.xml}: the comparison as a JUnit XML test suite (the Ant/Surefire layout read by Jenkins' JUnit plugin
 * and GitHub test reporters). One suite per comparison, named after the gate; one test case for the gate's verdict
 * and one per finding (named function and metric, stable across runs). Findings that fail the gate, and a failing
 * verdict, carry a {@code <failure>} with a one-line message and the details as its text; the other cases pass and
 * carry the details as {@code <system-out>}. Nothing depends on the clock: durations are 0.
 */
public final class JUnitReport {
    /** The name of the test case holding the verdict. */
    static final String GATE_CASE = "gate verdict";

    private JUnitReport() {
    }

    /** The XML document of {@code data}, ending in a newline. */
    public static String render(ReportData data) {
        Comparison comparison = data.comparison();
        String suite = "profgate." + Names.printable(data.gate());
        List<String> cases = new ArrayList<>();
        cases.add(verdictCase(comparison, suite));
        int failures = comparison.verdict() == Verdict.FAIL ? 1 : 0;
        for (Finding finding : comparison.findings()) {
            cases.add(findingCase(data, finding, suite));
            failures += finding.severity() == Verdict.FAIL ? 1 : 0;
        }
        String counts = " tests=\"" + cases.size() + "\" failures=\"" + failures + "\" errors=\"0\"";
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"profgate\"").append(counts).append(" time=\"0\">\n");
        out.append("  <testsuite name=\"").append(Xml.attribute(suite)).append('"').append(counts)
                .append(" skipped=\"0\" time=\"0\">\n");
        appendProperties(out, comparison, data.links());
        cases.forEach(out::append);
        out.append("  </testsuite>\n</testsuites>\n");
        return out.toString();
    }

    private static void appendProperties(StringBuilder out, Comparison c, List<ReportLink> links) {
        out.append("    <properties>\n");
        property(out, "verdict", c.verdict().label());
        property(out, "profileType", Names.printable(c.profileType()));
        property(out, "replicates", c.base().replicates() + " vs " + c.head().replicates());
        property(out, "minimumDetectableEffect", Formats.points(c.minimumDetectableEffect()) + " pp");
        property(out, "functionsTested", String.valueOf(c.functionsTested()));
        property(out, "fdr", Formats.rate(c.fdr()));
        links.forEach(link -> property(out, "link: " + Names.printable(link.label()), link.url()));
        out.append("    </properties>\n");
    }

    private static void property(StringBuilder out, String name, String value) {
        out.append("      <property name=\"").append(Xml.attribute(name)).append("\" value=\"").append(Xml.attribute(value))
                .append("\"/>\n");
    }

    private static String verdictCase(Comparison c, String suite) {
        String message = c.verdict().name() + ": " + Labels.counts(c) + " (" + Names.printable(Labels.scope(c)) + ")";
        List<String> lines = new ArrayList<>(List.of(message, Labels.limits(c)));
        c.notes().forEach(note -> lines.add("note: " + Names.printable(note)));
        return testCase(suite, GATE_CASE, c.verdict() == Verdict.FAIL, message, "verdict", lines);
    }

    private static String findingCase(ReportData data, Finding finding, String suite) {
        String name = Names.printable(finding.function()) + " (" + finding.metric().label() + ")";
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
