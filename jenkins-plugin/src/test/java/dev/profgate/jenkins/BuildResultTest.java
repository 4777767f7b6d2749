package dev.profgate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The build result of a run: UNSTABLE when the verdict fails the gate, and which exit codes wrote a report. */
class BuildResultTest {
    @Test
    void onlyAVerdictThatFailsTheGateMarksTheBuildUnstable() {
        assertEquals(BuildResult.UNSTABLE, BuildResult.of(Verdict.FAIL, FailOn.FAIL));
        assertEquals(BuildResult.SUCCESS, BuildResult.of(Verdict.WARN, FailOn.FAIL));
        assertEquals(BuildResult.UNSTABLE, BuildResult.of(Verdict.WARN, FailOn.WARN));
        assertEquals(BuildResult.SUCCESS, BuildResult.of(Verdict.PASS, FailOn.WARN));
        assertEquals(BuildResult.SUCCESS, BuildResult.of(Verdict.FAIL, FailOn.NEVER));
    }

    @Test
    void exitCodesZeroAndOneWroteAReportEverythingElseIsAnError() {
        assertTrue(BuildResult.wroteReport(0));
        assertTrue(BuildResult.wroteReport(1));
        assertFalse(BuildResult.wroteReport(2));
        assertFalse(BuildResult.wroteReport(127));
        assertFalse(BuildResult.wroteReport(-1));
    }

    @Test
    void failOnTakesTheCliNamesInAnyCase() {
        assertEquals(FailOn.WARN, FailOn.of("Warn"));
        assertEquals("failOn is 'sometimes'; use fail, warn or never",
                assertThrows(IllegalArgumentException.class, () -> FailOn.of("sometimes")).getMessage());
    }
}
