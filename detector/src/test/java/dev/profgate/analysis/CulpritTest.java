package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.source.ProfileLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Culprits, not callers and not library internals, on the real regex-per-call pairs. */
class CulpritTest {
    private static final Path FIXTURES = Path.of(System.getProperty("profgate.fixtures", "../../shared/fixtures"), "pprof");
    private static final Path DEMO = Path.of(System.getProperty("profgate.repo", ".."), "baselines", "demo");

    @Test
    void goRegexPerCallIsMustCompileUnderValidate() {
        Comparison comparison = compare(FIXTURES.resolve("go-payments-v1.cpu.pb.gz"),
                FIXTURES.resolve("go-payments-v2-regex-per-call.cpu.pb.gz"));
        Finding first = comparison.findings().get(0);
        assertEquals("regexp.MustCompile", first.function());
        assertEquals("payments.validate", first.callPath().get(first.callPath().size() - 2));
        assertEquals(1, comparison.findings().stream().filter(f -> f.function().startsWith("regexp")).count());
    }

    @Test
    void javaDemoRegressionIsOnePatternCompileUnderTheValidator() {
        Comparison comparison = compare(DEMO.resolve("base"), DEMO.resolve("head"));
        List<Finding> increases = comparison.findings().stream().filter(f -> f.delta() > 0).toList();
        assertEquals(1, increases.size(), increases.toString());
        Finding culprit = increases.get(0);
        assertEquals("java.util.regex.Pattern.compile", culprit.function());
        assertTrue(culprit.callPath().get(culprit.callPath().size() - 2).endsWith("CardValidator.isValid"));
        assertEquals(Verdict.FAIL, comparison.verdict());
    }

    private static Comparison compare(Path base, Path head) {
        return ProfileComparator.compare(ProfileLoader.load(List.of(base.toString())),
                ProfileLoader.load(List.of(head.toString())), null, Policy.defaults());
    }
}
