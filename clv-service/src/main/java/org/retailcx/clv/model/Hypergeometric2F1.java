package org.retailcx.clv.model;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real parameters and 0 &lt;= z &lt; 1, summed as its power
 * series Σ (a)_n (b)_n / ((c)_n n!) z^n. Hipparchus 4.0.1 has Gamma and Beta functions but no hypergeometric one.
 *
 * <p><b>Convergence criterion.</b> Term t_{k+1} = t_k · ρ_k with ρ_k = z · (a+k)/(c+k) · (b+k)/(k+1). Each of the
 * two fractions is monotone in k and tends to 1 (once c + k &gt; 0), so after adding term t_{n+1} every later ratio
 * is at most ρ = z · max(|a+m|/(c+m), 1) · max(|b+m|/(m+1), 1) with m = n + 1; the same holds with a and b swapped,
 * and the smaller of the two bounds is used, so that huge parameters that cancel (b ≈ c) do not delay the stop. When
 * ρ &lt; 1 the remainder is at most the geometric tail |t_{n+1}| ρ / (1 − ρ). Summation stops as soon as that
 * rigorous bound is at most 1e-15 × |sum|, or when a term is exactly zero (a terminating series: a or b a
 * non-positive integer). A series that has not met the criterion after 1,000,000 terms (z within about 1e-5 of 1)
 * or whose terms overflow raises {@link ArithmeticException}: callers get an error, never an inaccurate value.
 */
public final class Hypergeometric2F1 {

    private static final double RELATIVE_TOLERANCE = 1e-15;
    private static final int MAX_TERMS = 1_000_000;

    private Hypergeometric2F1() {
    }

    /** 2F1(a, b; c; z) for 0 &lt;= z &lt; 1 and c not a non-positive integer. */
    public static double value(double a, double b, double c, double z) {
        return 1 + b * excessOverB(a, b, c, z);
    }

    /**
     * (2F1(a, b; c; z) − 1) / b, computed with b divided out of every term, so that it stays accurate, and finite,
     * as b tends to 0. The BG/NBD expectations need exactly this quantity with b = a_BG − 1.
     */
    public static double excessOverB(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 series needs 0 <= z < 1, was " + z);
        }
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c))) {
            throw new IllegalArgumentException("2F1 parameters must be finite: " + a + ", " + b + ", " + c);
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1 is undefined for c a non-positive integer, was " + c);
        }
        if (z == 0) {
            return 0;
        }
        double term = a * z / c; // t_1 / b
        double sum = term;
        for (int n = 1; n < MAX_TERMS; n++) {
            if (term == 0) {
                return sum;
            }
            term *= (a + n) * (b + n) * z / ((c + n) * (n + 1));
            sum += term;
            if (!Double.isFinite(sum)) {
                throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") series overflowed");
            }
            if (c + n + 1 > 0) {
                double m = n + 1;
                double rho = z * Math.min(
                        Math.max(Math.abs(a + m) / (c + m), 1) * Math.max(Math.abs(b + m) / (m + 1), 1),
                        Math.max(Math.abs(b + m) / (c + m), 1) * Math.max(Math.abs(a + m) / (m + 1), 1));
                if (rho < 1 && Math.abs(term) * rho / (1 - rho) <= RELATIVE_TOLERANCE * Math.abs(sum)) {
                    return sum;
                }
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") series did not converge in "
                + MAX_TERMS + " terms");
    }
}
