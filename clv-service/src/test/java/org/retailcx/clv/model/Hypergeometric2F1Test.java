package org.retailcx.clv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hypergeometric2F1Test {

    private static void assertRelative(double expected, double actual, double tolerance) {
        assertEquals(expected, actual, tolerance * Math.abs(expected));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.1, 0.5, 0.9, 0.99, 0.999})
    void matchesElementaryClosedForms(double z) {
        assertRelative(-Math.log1p(-z) / z, Hypergeometric2F1.value(1, 1, 2, z), 1e-13);
        assertRelative(Math.pow(1 - z, -2.5), Hypergeometric2F1.value(2.5, 0.7, 0.7, z), 1e-13);
        double s = Math.sqrt(z);
        assertRelative(Math.asin(s) / s, Hypergeometric2F1.value(0.5, 0.5, 1.5, z), 1e-13);
        assertRelative(0.5 * Math.log((1 + s) / (1 - s)) / s, Hypergeometric2F1.value(0.5, 1, 1.5, z), 1e-13);
    }

    @Test
    void terminatesForANonPositiveIntegerNumeratorParameter() {
        double b = 1.7;
        double c = 2.3;
        double z = 0.8;
        assertRelative(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), Hypergeometric2F1.value(-2, b, c, z),
                1e-15);
    }

    @Test
    void excessOverBHasTheRightLimitAsBVanishes() {
        // (2F1(c, b; c; z) − 1)/b = ((1 − z)^(−b) − 1)/b → −ln(1 − z) as b → 0.
        double z = 0.7;
        assertRelative(-Math.log1p(-z), Hypergeometric2F1.excessOverB(1.3, 0, 1.3, z), 1e-14);
        assertRelative(Math.expm1(-1e-9 * Math.log1p(-z)) / 1e-9, Hypergeometric2F1.excessOverB(1.3, 1e-9, 1.3, z),
                1e-12);
    }

    @Test
    void satisfiesEulersTransformation() {
        double[][] cases = {
            {0.243, 2.426, 2.219, 0.5}, {2.9, 4.4, 3.2, 0.93}, {-0.6, 3.1, 0.4, 0.8}, {12.2, 14.4, 14.2, 0.3}};
        for (double[] p : cases) {
            double a = p[0];
            double b = p[1];
            double c = p[2];
            double z = p[3];
            assertRelative(Math.pow(1 - z, c - a - b) * Hypergeometric2F1.value(c - a, c - b, c, z),
                    Hypergeometric2F1.value(a, b, c, z), 1e-12);
        }
    }

    @Test
    void convergesForHugeParameters() {
        // (a+n)/(c+n) stays near 1 for n far below a and c: the stopping rule must not wait for n to pass them.
        assertRelative(Math.pow(1 - 0.52, -3), Hypergeometric2F1.value(3, 1e7, 1e7, 0.52), 1e-12);
    }

    @Test
    void rejectsArgumentsOutsideTheSeriesDomain() {
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.value(1, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.value(1, 1, 2, -0.1));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.value(1, 1, -2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric2F1.value(Double.NaN, 1, 2, 0.5));
    }

    @Test
    void failsRatherThanReturnAnUnconvergedSum() {
        assertThrows(ArithmeticException.class, () -> Hypergeometric2F1.value(1, 1, 2, 1 - 1e-9));
    }
}
