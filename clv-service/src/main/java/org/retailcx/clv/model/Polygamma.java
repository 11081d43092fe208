package org.retailcx.clv.model;

/**
 * Digamma ψ and trigamma ψ₁ to about 1e-15, for the Gamma-Gamma gradient and Hessian. Hipparchus 4.0.1's digamma
 * switches to its asymptotic series at x = 49 with the sign of the x⁻⁴ term reversed, a jump of about 3e-9 there:
 * harmless for a value, but it makes a gradient disagree with its own likelihood near px = 49.
 */
final class Polygamma {

    /** Below this the recurrences shift x up; above it the asymptotic series below are exact to double precision. */
    private static final double SHIFT = 10;

    private Polygamma() {
    }

    /** ψ(x) for x &gt; 0: ln x − 1/(2x) − Σ B₂ₖ / (2k x²ᵏ), after ψ(x) = ψ(x+1) − 1/x up to x ≥ 10. */
    static double digamma(double x) {
        double result = 0;
        while (x < SHIFT) {
            result -= 1 / x;
            x += 1;
        }
        double inv2 = 1 / (x * x);
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))));
        return result + Math.log(x) - 0.5 / x - series;
    }

    /** ψ₁(x) for x &gt; 0: 1/x + 1/(2x²) + Σ B₂ₖ / x²ᵏ⁺¹, after ψ₁(x) = ψ₁(x+1) + 1/x² up to x ≥ 10. */
    static double trigamma(double x) {
        double result = 0;
        while (x < SHIFT) {
            result += 1 / (x * x);
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        double series = inv2 * inv * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30
                - inv2 * (5.0 / 66 - inv2 * (691.0 / 2730 - inv2 * 7.0 / 6))))));
        return result + inv + 0.5 * inv2 + series;
    }
}
