package dev.profgate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The job's trend chart: well-formed SVG without script or style, one coloured bar per build, newest kept. */
class TrendSvgTest {
    @Test
    void eachBuildIsABarColouredByItsVerdictWithATooltip() throws Exception {
        VerdictTrend trend = new VerdictTrend(List.of(VerdictTrendTest.build(1, Verdict.PASS),
                VerdictTrendTest.build(2, Verdict.WARN), VerdictTrendTest.build(3, Verdict.FAIL)));

        Document svg = parse(TrendSvg.render(trend));

        NodeList bars = svg.getElementsByTagName("rect");
        assertEquals(3, bars.getLength());
        assertEquals(List.of("#2da44e", "#d4a72c", "#cf222e"), attributes(bars, "fill"));
        String failTip = svg.getElementsByTagName("title").item(2).getTextContent();
        assertTrue(failTip.startsWith("#3 fail: 1 regression, 0 improvements"), failTip);
        double passHeight = Double.parseDouble(((Element) bars.item(0)).getAttribute("height"));
        double failHeight = Double.parseDouble(((Element) bars.item(2)).getAttribute("height"));
        assertTrue(failHeight > passHeight, "a build with regressions stands taller than one without");
        assertEquals(0, svg.getElementsByTagName("script").getLength());
        assertEquals(0, svg.getElementsByTagName("style").getLength());
        assertTrue(!TrendSvg.render(trend).contains("style="), "no inline style: Jenkins' CSP blocks it");
    }

    @Test
    void onlyTheNewestBuildsAreDrawn() throws Exception {
        List<BuildReport> builds = new ArrayList<>();
        for (int number = 1; number <= TrendSvg.MAX_BUILDS + 5; number++) {
            builds.add(new BuildReport(number, VerdictTrendTest.summary(VerdictTrendTest.regression("F", 0.1))));
        }

        Document svg = parse(TrendSvg.render(new VerdictTrend(builds)));

        NodeList labels = svg.getElementsByTagName("text");
        assertEquals(TrendSvg.MAX_BUILDS, svg.getElementsByTagName("rect").getLength());
        assertEquals("6", labels.item(1).getTextContent(), "the oldest five are left out");
        assertEquals(String.valueOf(TrendSvg.MAX_BUILDS + 5), labels.item(labels.getLength() - 1).getTextContent());
    }

    @Test
    void markupInTextIsEscaped() {
        assertEquals("&lt;script&gt;&amp;&quot;&#39;", TrendSvg.escape("<script>&\"'"));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> attributes(NodeList nodes, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(name));
        }
        return values;
    }
}
