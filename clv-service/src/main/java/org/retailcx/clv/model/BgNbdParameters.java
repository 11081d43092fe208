package org.retailcx.clv.model;

/**
 * BG/NBD parameters: purchase rates λ ~ Gamma(shape r, rate α) and dropout probabilities p ~ Beta(a, b).
 * α is in the summaries' time unit (weeks for CDNOW).
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

    public BgNbdParameters {
        requirePositive("r", r);
        requirePositive("alpha", alpha);
        requirePositive("a", a);
        requirePositive("b", b);
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
        }
    }
}
