package dev.profgate.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {
    @Test
    void smallListByHand() {
        // sorted: 0.005 0.01 0.03 0.04 0.5; p*m/rank: 0.025 0.025 0.05 0.05 0.5; running minimum from the top
        double[] q = BenjaminiHochberg.qValues(new double[] {0.01, 0.04, 0.03, 0.005, 0.5});
        assertArrayEquals(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, q, 1e-15);
    }

    @Test
    void runningMinimumLowersEarlierRanks() {
        // p*m/rank: 0.3, 0.15, 0.1 -> the smallest later value wins for every rank
        double[] q = BenjaminiHochberg.qValues(new double[] {0.1, 0.1, 0.1});
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, q, 1e-15);
        double[] q2 = BenjaminiHochberg.qValues(new double[] {0.02, 0.03});
        // ranks: 0.02*2/1 = 0.04, 0.03*2/2 = 0.03 -> q(0.02) = min(0.04, 0.03) = 0.03
        assertArrayEquals(new double[] {0.03, 0.03}, q2, 1e-15);
    }

    @Test
    void publishedExampleRejectsFourAtFivePercent() {
        // Benjamini & Hochberg (1995), section 4: 15 p-values, FDR 0.05 rejects the four smallest
        double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262,
            0.5719, 0.6528, 0.7590, 1.0000};
        double[] q = BenjaminiHochberg.qValues(p);
        assertEquals(4, Arrays.stream(q).filter(v -> v <= 0.05).count());
        assertEquals(0.0095 * 15 / 4, q[3], 1e-15);
        assertEquals(0.0201 * 15 / 5, q[4], 1e-15);
        for (int i = 1; i < q.length; i++) {
            assertTrue(q[i] >= q[i - 1], "monotone in p");
            assertTrue(q[i] >= p[i] && q[i] <= 1);
        }
    }

    @Test
    void untestedEntriesStayNaNAndDoNotCount() {
        double[] q = BenjaminiHochberg.qValues(new double[] {Double.NaN, 0.01, Double.NaN, 0.02});
        assertTrue(Double.isNaN(q[0]) && Double.isNaN(q[2]));
        assertEquals(0.02, q[1], 1e-15);
        assertEquals(0.02, q[3], 1e-15);
    }
}
