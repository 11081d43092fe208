package org.retailcx.personalization.model.stats;

import org.hipparchus.special.Gamma;

/** χ² goodness of fit of the units seen per variation against the weights the experiment was configured with. */
public final class SampleRatioMismatch {

    private SampleRatioMismatch() {
    }

    public static SrmResult test(long[] observed, double[] weights) {
        if (observed.length != weights.length || observed.length < 2) {
            throw new IllegalArgumentException("weights: need one weight per variation and at least 2 variations");
        }
        double total = 0;
        double weightSum = 0;
        for (int i = 0; i < observed.length; i++) {
            total += observed[i];
            weightSum += weights[i];
        }
        double chiSquare = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = total * weights[i] / weightSum;
            double deviation = observed[i] - expected;
            chiSquare += deviation * deviation / expected;
        }
        int dof = observed.length - 1;
        // the upper tail directly: 1 − CDF rounds to 0 below about 1e-16 (900 vs 500 read p = 0, not 1.2e-26)
        double pValue = Gamma.regularizedGammaQ(dof / 2.0, chiSquare / 2.0);
        return new SrmResult(chiSquare, dof, pValue);
    }
}
