package org.retailcx.clv.model;

/** Logarithms for the likelihood loops, which evaluate them millions of times per fit. */
final class FastLog {

    private FastLog() {
    }

    /**
     * log(1 + y) for y &gt; −1, accurate to a few ulps, at about half the cost of {@link Math#log1p}: Math.log is a JIT
     * intrinsic and Math.log1p is not. The rounding error of u = 1 + y is cancelled by the factor y / (u − 1)
     * (Goldberg, "What every computer scientist should know about floating-point arithmetic", 1991, Theorem 4).
     */
    static double log1p(double y) {
        double u = 1 + y;
        if (u == 1) {
            return y;
        }
        if (u == Double.POSITIVE_INFINITY) {
            return Math.log(y);
        }
        return Math.log(u) * (y / (u - 1));
    }
}
