package dev.profgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.profgate.analysis.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --fail-on}: from which verdict on the exit code is 1. */
class FailOnTest {
    @Test
    void failOnDecidesTheExitCode() {
        assertEquals(List.of(0, 0, 1), codes(FailOn.FAIL));
        assertEquals(List.of(0, 1, 1), codes(FailOn.WARN));
        assertEquals(List.of(0, 0, 0), codes(FailOn.NEVER));
    }

    private static List<Integer> codes(FailOn failOn) {
        return List.of(failOn.exitCode(Verdict.PASS), failOn.exitCode(Verdict.WARN), failOn.exitCode(Verdict.FAIL));
    }
}
