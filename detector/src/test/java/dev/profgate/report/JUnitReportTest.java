package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.Finding;
import dev.profgate.base.Names;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitReportTest {
    @Test
    void oneSuitePerComparisonWithTheVerdictCaseAndOneCasePerFinding() throws Exception {
        ReportData data = Comparisons.regexWithHit();
        Document xml = XmlDocuments.parse(JUnitReport.render(data));
        assertEquals("testsuites", xml.getDocumentElement().getTagName());
        List<Element> suites = XmlDocuments.elements(xml, "testsuite");
        assertEquals(1, suites.size());
        Element suite = suites.get(0);
        assertEquals("profgate.payments/cpu", suite.getAttribute("name"));
        List<Element> cases = XmlDocuments.elements(xml, "testcase");
        assertEquals(List.of(JUnitReport.GATE_CASE, "regexp.MustCompile (total)", "encoding/json.Valid (total)",
                "strings.ToUpper (total)"), cases.stream().map(c -> c.getAttribute("name")).toList());
        cases.forEach(c -> assertEquals("profgate.payments/cpu", c.getAttribute("classname")));
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("fail", property(xml, "verdict"));
        assertEquals("cpu", property(xml, "profileType"));
    }

    @Test
    void failingRegressionCarriesDeltaIntervalQCallPathAndRuleAdvice() throws Exception {
        ReportData data = Comparisons.regexWithHit();
        Finding regex = data.comparison().findings().get(0);
        Element failure = failureOf(XmlDocuments.parse(JUnitReport.render(data)), "regexp.MustCompile (total)");
        assertEquals("+24.1 pp total share (95% CI +22.1 … +26.1), q 2e-31: regexp.MustCompile ← payments.validate"
                + " — " + data.hits(regex).get(0).title(), failure.getAttribute("message"));
        assertEquals("regression", failure.getAttribute("type"));
        String body = failure.getTextContent();
        assertTrue(body.contains("base 0.0% → head 24.1%"), body);
        assertTrue(body.contains("source: /src/payments/payments.go:30"), body);
        String path = "call path: main → payments.HandlePayment → payments.validate → regexp.MustCompile";
        assertTrue(body.contains(path), body);
        assertTrue(body.contains("advice: " + data.hits(regex).get(0).advice()), body);
        assertTrue(body.contains("see: " + data.hits(regex).get(0).link()), body);
    }

    @Test
    void theVerdictFailsWithItsTopCulpritAndKeepsTheNotesAsOutput() throws Exception {
        ReportData data = Comparisons.regexWithHit();
        Element verdict = XmlDocuments.elements(XmlDocuments.parse(JUnitReport.render(data)), "testcase").get(0);
        Element failure = (Element) verdict.getElementsByTagName("failure").item(0);
        assertEquals("FAIL: 1 regression, 1 improvement, 1 new function (cpu, 6 vs 6 replicates); top: +24.1 pp total "
                + "share (95% CI +22.1 … +26.1), q 2e-31: regexp.MustCompile ← payments.validate",
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().lines().noneMatch(l -> l.startsWith("note: ")), failure.getTextContent());
        String output = verdict.getElementsByTagName("system-out").item(0).getTextContent();
        assertEquals(data.comparison().notes().size(), output.lines().filter(l -> l.startsWith("note: ")).count());
    }

    @Test
    void warningsAndImprovementsPassWithTheirDetailsAsOutput() throws Exception {
        Document xml = XmlDocuments.parse(JUnitReport.render(Comparisons.regexWithHit()));
        for (Element testCase : XmlDocuments.elements(xml, "testcase")) {
            String name = testCase.getAttribute("name");
            boolean passes = name.startsWith("encoding/json.Valid") || name.startsWith("strings.ToUpper");
            boolean verdict = name.equals(JUnitReport.GATE_CASE);
            assertEquals(passes ? 0 : 1, testCase.getElementsByTagName("failure").getLength(), name);
            assertEquals(passes || verdict ? 1 : 0, testCase.getElementsByTagName("system-out").getLength(), name);
        }
        Element warned = (Element) XmlDocuments.elements(xml, "system-out").get(1);
        assertTrue(warned.getTextContent().startsWith("encoding/json.Valid: new (total), warns\n"),
                warned.getTextContent());
    }

    @Test
    void aCleanComparisonIsOnePassingVerdictCase() throws Exception {
        Document xml = XmlDocuments.parse(JUnitReport.render(Comparisons.data(Comparisons.clean(), "alloc")));
        List<Element> cases = XmlDocuments.elements(xml, "testcase");
        assertEquals(1, cases.size());
        assertEquals(0, XmlDocuments.elements(xml, "failure").size());
        String output = XmlDocuments.elements(xml, "system-out").get(0).getTextContent();
        assertTrue(output.startsWith("PASS: no significant change (alloc_space, 5 vs 5 replicates)\n"), output);
        assertEquals("0", XmlDocuments.elements(xml, "testsuite").get(0).getAttribute("failures"));
    }

    @Test
    void hostileNamesParseBackAsTheirText() throws Exception {
        Document xml = XmlDocuments.parse(JUnitReport.render(Comparisons.data(Comparisons.hostile(), "x<y>&\"z\"")));
        assertEquals("profgate.x<y>&\"z\"", XmlDocuments.elements(xml, "testsuite").get(0).getAttribute("name"));
        List<String> names = XmlDocuments.elements(xml, "testcase").stream().map(c -> c.getAttribute("name")).toList();
        for (String name : Comparisons.HOSTILE) {
            assertTrue(names.contains(Names.printable(name) + " (total)"), name);
            Element failure = failureOf(xml, Names.printable(name) + " (total)");
            assertTrue(failure.getAttribute("message").endsWith(": " + Names.printable(name) + " ← caller of "
                    + Names.printable(name)), failure.getAttribute("message"));
            String path = "call path: main → caller of " + Names.printable(name) + " → " + Names.printable(name);
            assertTrue(failure.getTextContent().contains(path), failure.getTextContent());
        }
        assertEquals(List.of("testsuites", "testsuite", "properties", "property", "testcase", "failure", "system-out"),
                XmlDocuments.tagNames(xml));
    }

    @Test
    void charactersXmlCannotHoldAreReplacedAndLineBreaksSurviveInAttributes() throws Exception {
        String raw = "a\u0000b\u0008c\uFFFEd\uD800e\tf\ng\rh]]>";
        Document xml = XmlDocuments.parse("<x a=\"" + Xml.attribute(raw) + "\">" + Xml.text(raw) + "</x>");
        String expected = "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf\ng\rh]]>";
        assertEquals(expected, xml.getDocumentElement().getAttribute("a"));
        assertEquals(expected, xml.getDocumentElement().getTextContent());
    }

    private static String property(Document xml, String name) {
        return XmlDocuments.elements(xml, "property").stream().filter(p -> p.getAttribute("name").equals(name))
                .findFirst().orElseThrow().getAttribute("value");
    }

    private static Element failureOf(Document xml, String caseName) {
        Element testCase = XmlDocuments.elements(xml, "testcase").stream()
                .filter(c -> c.getAttribute("name").equals(caseName)).findFirst().orElseThrow();
        return (Element) testCase.getElementsByTagName("failure").item(0);
    }
}
