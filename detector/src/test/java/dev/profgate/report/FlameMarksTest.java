package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.analysis.FlameTree;
import dev.profgate.compare.CompareRun;
import dev.profgate.config.Settings;
import dev.profgate.rules.RuleHit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlameMarksTest {
    private static final Path DEMO = Path.of(System.getProperty("profgate.repo", "..")).resolve("baselines/demo");

    /** The demo compiles its card regex once in a static initializer and, in head, again on every request. */
    @Test
    void demoFlagsThePerCallCompileNotTheStaticInitializer() {
        ReportData data = new CompareRun(List.of(DEMO.resolve("base").toString()),
                List.of(DEMO.resolve("head").toString()), null, Settings.defaults(), null, "demo").execute();
        FlameTree tree = data.comparison().flame();
        Map<Integer, List<RuleHit>> marks = FlameMarks.of(tree, data.hits());
        assertFalse(marks.isEmpty());
        int perCall = 0;
        for (int node = 1; node < tree.size(); node++) {
            List<String> path = FlameGraphHtmlTest.path(tree, node);
            boolean compile = tree.name(node).equals("java.util.regex.Pattern.compile");
            if (compile && path.contains("dev.profgate.examples.payments.CardValidator.<clinit>")) {
                assertFalse(marks.containsKey(node), "start-up compile flagged: " + path);
            }
            if (compile && path.contains("dev.profgate.examples.payments.CardValidator.isValid")
                    && tree.significant(node)) {
                assertEquals("java-regex-compile-per-call", marks.get(node).get(0).id(), path.toString());
                perCall++;
            }
        }
        assertTrue(perCall > 0);
        for (Map.Entry<Integer, List<RuleHit>> mark : marks.entrySet()) {
            assertEquals(mark.getValue().get(0).frame(), tree.name(mark.getKey()));
        }
    }

    @Test
    void noHitsFlagNothing() {
        ReportData data = FlameInputs.goRegexPair();
        assertTrue(FlameMarks.of(data.comparison().flame(), Map.of()).isEmpty());
    }
}
