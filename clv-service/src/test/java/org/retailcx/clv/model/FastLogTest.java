package org.retailcx.clv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FastLogTest {

    @Test
    void log1pAgreesWithTheLibraryToAFewUlps() {
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            double y = Math.exp(random.nextGaussian() * 12); // 1e-20 .. 1e20 and beyond
            assertEquals(Math.log1p(y), FastLog.log1p(y), 4 * Math.ulp(Math.log1p(y)), "y = " + y);
            double negative = -random.nextDouble();
            assertEquals(Math.log1p(negative), FastLog.log1p(negative), 4 * Math.ulp(Math.log1p(negative)),
                    "y = " + negative);
        }
        assertEquals(1e-300, FastLog.log1p(1e-300));
        assertEquals(Math.log(Double.MAX_VALUE), FastLog.log1p(Double.MAX_VALUE), 1e-12);
    }
}
