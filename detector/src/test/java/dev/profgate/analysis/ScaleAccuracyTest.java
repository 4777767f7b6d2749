package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.profgate.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scale of a large change, 6 runs a side, is within 5% of the one its fixed work measures ({@link ScaleAccuracy}):
 * trimmed by count, as edgeR trims genes, it was 6 to 9% off on the Go recordings and their reverts failed or listed
 * unchanged code.
 */
class ScaleAccuracyTest {
    private static final double TOLERANCE_PERCENT = 5;

    @ParameterizedTest(name = "{0} {1}, revert {2}")
    @CsvSource({"0, regex, false", "0, regex, true", "0, formatter, false", "0, formatter, true",
        "1, regex, false", "1, regex, true", "1, formatter, false", "1, formatter, true"})
    void theScaleOfSixRunsASideIsWithinFivePercentOfTheFixedWorks(int language, String variant, boolean revert) {
        ScaleAccuracy.Row row = ScaleAccuracy.measure(TestFiles.recordings(), language, variant, 6, revert);
        assertTrue(Math.abs(row.errorPercent()) <= TOLERANCE_PERCENT, row.pair() + ": scale " + row.scale()
                + " against the fixed work's " + row.truth());
    }
}
