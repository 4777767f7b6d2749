package dev.profgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.profgate.analysis.FindingKind;
import dev.profgate.analysis.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {
    @Test
    void callerIsTheFirstFrameOutsideTheCulpritsPackageOrClass() {
        assertEquals("regexp.compile ← … ← payments.validate", label("regexp.compile", List.of("main",
                "payments.HandlePayment", "payments.validate", "regexp.MustCompile", "regexp.Compile", "regexp.compile")));
        assertEquals("java.util.regex.Pattern.compile ← … ← app.CardValidator.isValid",
                label("java.util.regex.Pattern.compile", List.of("app.Main.run", "app.CardValidator.isValid",
                        "java.util.regex.Pattern.compile", "java.util.regex.Pattern.<init>",
                        "java.util.regex.Pattern.compile")));
    }

    @Test
    void directCallerWhenItIsAlreadyOutsideOrNothingIs() {
        assertEquals("regexp.MustCompile ← payments.validate",
                label("regexp.MustCompile", List.of("main", "payments.validate", "regexp.MustCompile")));
        assertEquals("malloc ← parse", label("malloc", List.of("main", "parse", "malloc")));
        assertEquals("a.y ← a.x", label("a.y", List.of("a.w", "a.x", "a.y")));
        assertEquals("main", label("main", List.of("main")));
    }

    private static String label(String function, List<String> path) {
        return Labels.culpritAndCaller(Comparisons.finding(function, FindingKind.REGRESSION, 0, 0.1, "", 0, path,
                Verdict.FAIL), name -> name);
    }
}
