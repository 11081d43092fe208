package org.retailcx.personalization.model.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Published figures are given to 5 decimals: a reproduction must round to exactly the same number. */
final class Figures {

    private Figures() {
    }

    static void assertFigure(double published, double measured, String what) {
        assertEquals(published, Math.round(measured * 1e5) / 1e5, 1e-12, what + " (measured " + measured + ")");
    }
}
