package org.retailcx.clv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PolygammaTest {

    private static final double EULER = 0.5772156649015329;

    @Test
    void closedFormValues() {
        assertEquals(-EULER, Polygamma.digamma(1), 1e-15);
        assertEquals(-EULER - 2 * Math.log(2), Polygamma.digamma(0.5), 1e-15);
        assertEquals(Math.PI * Math.PI / 6, Polygamma.trigamma(1), 1e-15);
        assertEquals(Math.PI * Math.PI / 2, Polygamma.trigamma(0.5), 1e-14);
    }

    @Test
    void continuousWhereTheSeriesTakesOver() {
        // ψ(x+1) = ψ(x) + 1/x across the shift point 10 and Hipparchus' switch at 49
        for (double x : new double[] {9.5, 9.999, 48.5, 48.9999}) {
            assertEquals(Polygamma.digamma(x) + 1 / x, Polygamma.digamma(x + 1), 1e-14, "digamma at " + x);
            assertEquals(Polygamma.trigamma(x) - 1 / (x * x), Polygamma.trigamma(x + 1), 1e-15, "trigamma at " + x);
        }
    }
}
