package org.retailcx.personalization.model.drift;

/** A drift test with Evidently's default threshold; p-value tests drift at p ≤ threshold, distances at ≥. */
public enum DriftMethod {
    KOLMOGOROV_SMIRNOV(true, 0.05),
    CHI_SQUARE(true, 0.05),
    Z_TEST(true, 0.05),
    WASSERSTEIN_NORMED(false, 0.1),
    JENSEN_SHANNON(false, 0.1),
    PSI(false, 0.1);

    private final boolean pValue;
    private final double defaultThreshold;

    DriftMethod(boolean pValue, double defaultThreshold) {
        this.pValue = pValue;
        this.defaultThreshold = defaultThreshold;
    }

    public boolean scoreIsPValue() {
        return pValue;
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    public boolean drifted(double score, double threshold) {
        return pValue ? score <= threshold : score >= threshold;
    }
}
