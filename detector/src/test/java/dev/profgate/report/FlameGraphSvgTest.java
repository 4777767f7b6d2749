package dev.profgate.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.Comparison;
import dev.profgate.analysis.Policy;
import dev.profgate.analysis.ProfileComparator;
import dev.profgate.base.Names;
import dev.profgate.config.RuleCatalogLoader;
import dev.profgate.format.CollapsedReader;
import dev.profgate.model.Profile;
import dev.profgate.rules.RuleHit;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FlameGraphSvgTest {
    private static final Set<String> ELEMENTS = Set.of("svg", "style", "defs", "pattern", "rect", "g", "title", "text");
    private static final Pattern RGB = Pattern.compile("rgb\\((\\d+),(\\d+),(\\d+)\\)");
    private static final Pattern SHOWN = Pattern.compile("Shown: ([\\d,]+) of ([\\d,]+) frames");

    @Test
    void hostileNamesAreTextNotMarkup() throws Exception {
        String svg = FlameGraphSvg.render(FlameInputs.hostile());
        Document doc = parse(svg);
        Set<String> elements = new HashSet<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            elements.add(all.item(i).getNodeName());
        }
        assertTrue(ELEMENTS.containsAll(elements), elements.toString());
        List<String> titles = texts(doc, "title");
        for (String name : FlameInputs.HOSTILE) {
            assertTrue(titles.stream().anyMatch(t -> t.startsWith(Names.printable(name) + "\n")), name);
        }
        assertFalse(svg.contains("<img") || svg.contains("<script") || svg.contains("\u202E"));
    }

    @Test
    void regexFrameIsRedWithItsStatisticsInTheTitle() throws Exception {
        Document doc = parse(FlameGraphSvg.render(FlameInputs.goRegexPair()));
        NodeList frames = doc.getElementsByTagName("g");
        int red = 0;
        for (int i = 0; i < frames.getLength(); i++) {
            Element frame = (Element) frames.item(i);
            String title = frame.getElementsByTagName("title").item(0).getTextContent();
            if (title.startsWith("regexp.compile\n") && title.contains("significant regression")) {
                Matcher rgb = RGB.matcher(((Element) frame.getElementsByTagName("rect").item(0)).getAttribute("fill"));
                assertTrue(rgb.matches());
                assertTrue(Integer.parseInt(rgb.group(1)) > Integer.parseInt(rgb.group(3)) + 60, rgb.group());
                assertTrue(title.contains("95% CI +") && title.contains("q = ") && title.contains("new in head"), title);
                red++;
            }
        }
        assertTrue(red > 0);
    }

    /**
     * A Go template parsed per call, fixed: the handler's frames hold a larger share of head (76% to 98%) only because
     * the parse and its lexer's goroutine left, so they are painted faster, as the test of their change relative to
     * the code that did not change says (coloured by share, they were the darkest red of the graph).
     */
    @Test
    void aRevertPaintsTheCallersOfTheRemovedCostFaster() throws Exception {
        Document doc = parse(FlameGraphSvg.render(FlameInputs.goFormatterRevert()));
        NodeList frames = doc.getElementsByTagName("g");
        List<String> faster = new ArrayList<>();
        for (int i = 0; i < frames.getLength(); i++) {
            Element frame = (Element) frames.item(i);
            String title = frame.getElementsByTagName("title").item(0).getTextContent();
            String fill = ((Element) frame.getElementsByTagName("rect").item(0)).getAttribute("fill");
            if (FlameColors.FASTER.contains(fill)) {
                assertTrue(title.contains("significant improvement"), title);
                faster.add(title.substring(0, title.indexOf('\n')));
            }
        }
        assertTrue(faster.containsAll(List.of("main.main.func1", "main.run", "main.(*handler).handle",
                "main.(*handler).renderResponse")), faster.toString());
    }

    /** Frame titles give the call path's counts, "1 sample" in the singular. */
    @Test
    void titlesSayWhoseSamplesTheyCount() throws Exception {
        assertEquals("1 sample", Formats.samples(1));
        assertEquals("1,325 samples", Formats.samples(1325));
        assertEquals("0 samples", Formats.samples(0));
        for (String title : texts(parse(FlameGraphSvg.render(FlameInputs.goRegexPair())), "title")) {
            assertTrue(title.split("\n")[1].startsWith("This call path: base "), title);
            assertFalse(title.contains(" 1 samples") || title.contains("(1 samples"), title);
        }
    }

    @Test
    void ruleFlaggedFrameIsOutlinedWithTheAdviceInItsTitle() throws Exception {
        ReportData data = FlameInputs.goRegexPair();
        RuleHit hit = data.hits().values().iterator().next().get(0);
        NodeList frames = parse(FlameGraphSvg.render(data)).getElementsByTagName("g");
        int flagged = 0;
        for (int i = 0; i < frames.getLength(); i++) {
            Element frame = (Element) frames.item(i);
            boolean outlined = ((Element) frame.getElementsByTagName("rect").item(0)).getAttribute("class").equals("r");
            String title = frame.getElementsByTagName("title").item(0).getTextContent();
            assertEquals(outlined, title.contains("⚠ " + hit.id() + ": " + hit.title() + "\n" + hit.advice()), title);
            flagged += outlined ? 1 : 0;
        }
        assertTrue(flagged > 0);
    }

    /** 100 chains of 30 frames at 0.67% each (3,001 frames) and 500 leaves of one sample (0.07%) each. */
    @Test
    void wideTreeIsPrunedCappedAndSaysSo() throws Exception {
        StringBuilder stacks = new StringBuilder();
        for (int chain = 0; chain < 100; chain++) {
            stacks.append("main");
            for (int level = 0; level < 30; level++) {
                stacks.append(";chain").append(chain).append(".level").append(level);
            }
            stacks.append(" 10\n");
        }
        for (int leaf = 0; leaf < 500; leaf++) {
            stacks.append("main;tiny").append(leaf).append(" 1\n");
        }
        Profile profile = CollapsedReader.read(new ByteArrayInputStream(stacks.toString().getBytes(UTF_8)), "wide");
        Comparison c = ProfileComparator.compare(List.of(profile), List.of(profile), null, Policy.defaults());
        String svg = FlameGraphSvg.render(new ReportData(c, "wide", RuleCatalogLoader.builtIn(), Map.of()));
        NodeList frames = parse(svg).getElementsByTagName("g");
        Matcher shown = SHOWN.matcher(svg);
        assertTrue(shown.find(), "the SVG says what it left out");
        assertEquals(frames.getLength(), Integer.parseInt(shown.group(1).replace(",", "")));
        assertEquals(1 + 1 + 3000 + 500, Integer.parseInt(shown.group(2).replace(",", "")));
        assertEquals(FlameGraphSvg.MAX_FRAMES, frames.getLength());
        for (int i = 0; i < frames.getLength(); i++) {
            String title = ((Element) frames.item(i)).getElementsByTagName("title").item(0).getTextContent();
            assertFalse(title.startsWith("tiny"), "narrower than 0.1%: " + title);
        }
        assertTrue(svg.length() < 1_000_000, "small enough to attach: " + svg.length());
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(UTF_8)));
    }

    private static List<String> texts(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
