package dev.profgate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which SVGs the plugin serves: profgate's own flame graph and trend chart, nothing that can run or fetch. */
class SafeSvgTest {
    @Test
    void profgatesFlameGraphsAndTrendChartAreStatic() throws IOException {
        for (Verdict verdict : Verdict.values()) {
            String svg = Files.readString(RealReports.folder(verdict).resolve("flamegraph.svg"));
            assertTrue(SafeSvg.isStatic(svg), verdict + " flame graph");
        }
        VerdictTrend trend = new VerdictTrend(List.of(VerdictTrendTest.build(1, Verdict.FAIL)));
        assertTrue(SafeSvg.isStatic(TrendSvg.render(trend)), "trend chart");
    }

    @Test
    void scriptsHandlersEmbeddedHtmlAndExternalReferencesAreRefused() {
        for (String active : List.of("<script>alert(1)</script>", "<SCRIPT src=x>", "<rect onload=\"alert(1)\"/>",
                "<rect ONCLICK = 'x'/>", "<foreignObject><div/></foreignObject>", "<a href=\"https://evil\">x</a>",
                "<image href='https://tracker/p.png'/>", "<use href=\"other.svg#x\"/>",
                "<rect style=\"fill:url(https://evil/x)\"/>", "<style>@import 'https://evil/x.css';</style>",
                "<rect fill=\"javascript:alert(1)\"/>")) {
            assertFalse(SafeSvg.isStatic("<svg xmlns=\"http://www.w3.org/2000/svg\">" + active + "</svg>"), active);
        }
        assertFalse(SafeSvg.isStatic("<html><body>not an svg</body></html>"));
        assertTrue(SafeSvg.isStatic("<svg><rect fill=\"url(#hatch)\"/><title>a &lt;b&gt;</title></svg>"));
    }

    @Test
    void servedSvgsGetASandboxWithoutScripts() {
        String policy = SafeSvg.HEADERS.get("Content-Security-Policy");
        assertTrue(policy.startsWith("sandbox;"));
        assertTrue(policy.contains("default-src 'none'"));
        assertFalse(policy.contains("script-src"));
        assertEquals("nosniff", SafeSvg.HEADERS.get("X-Content-Type-Options"));
    }

    @Test
    void aRunFailureNamesModeExitCodeAndProfgatesLastLine() {
        assertEquals("profgate compare failed (exit 2): profgate: error: a.pb.gz: not a profile",
                RunFailure.message("compare", 2, "profgate: starting\nprofgate: error: a.pb.gz: not a profile\n\n"));
        assertEquals("profgate bench failed (exit 137): no message; see the log above",
                RunFailure.message("bench", 137, ""));
    }
}
