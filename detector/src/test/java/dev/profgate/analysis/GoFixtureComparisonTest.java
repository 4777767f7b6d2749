package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.format.PprofReader;
import dev.profgate.model.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Go fixture pair: a payments handler that compiles its regexp on every call (one profile per side). */
class GoFixtureComparisonTest {
    private static final String V1 = "go-payments-v1.cpu.pb.gz";
    private static final String V2 = "go-payments-v2-regex-per-call.cpu.pb.gz";

    static Profile read(String name) throws IOException {
        Path dir = Path.of(System.getProperty("profgate.fixtures", "../../shared/fixtures"), "pprof");
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            return PprofReader.read(in, name);
        }
    }

    @Test
    void regexpCompiledPerCallFailsWithTheCompileFunctionUnderValidate() throws IOException {
        Comparison comparison = ProfileComparator.compare(List.of(read(V1)), List.of(read(V2)), null, Policy.defaults());
        assertEquals(Verdict.FAIL, comparison.verdict());
        List<Finding> top = comparison.findings().subList(0, Math.min(3, comparison.findings().size()));
        Finding compile = top.stream()
                .filter(f -> f.function().equals("regexp.MustCompile") || f.function().equals("regexp.compile"))
                .findFirst().orElseThrow(() -> new AssertionError("no regexp compile function in " + top));
        assertTrue(compile.kind() == FindingKind.NEW || compile.kind() == FindingKind.REGRESSION);
        assertEquals(Verdict.FAIL, compile.severity());
        assertTrue(compile.callPath().contains("payments.validate"), compile.callPath().toString());
        assertTrue(compile.callPath().indexOf("payments.validate") < compile.callPath().indexOf(compile.function()));
        assertTrue(compile.source().file().startsWith("regexp/"), compile.source().toString());
        assertTrue(comparison.notes().get(0).contains("fixed over-dispersion factor"), comparison.notes().get(0));
        for (String caller : List.of("payments.validate", "payments.HandlePayment", "testing.(*B).launch")) {
            assertTrue(comparison.findings().stream().noneMatch(f -> f.function().equals(caller)
                    && f.kind() == FindingKind.REGRESSION), caller + " is listed as a regression");
        }
    }

    @Test
    void eachProfileAgainstItselfPasses() throws IOException {
        for (String name : List.of(V1, V2)) {
            Profile profile = read(name);
            Comparison comparison = ProfileComparator.compare(List.of(profile), List.of(profile), null, Policy.defaults());
            assertEquals(Verdict.PASS, comparison.verdict(), name);
            assertTrue(comparison.findings().isEmpty(), name + ": " + comparison.findings());
        }
    }
}
