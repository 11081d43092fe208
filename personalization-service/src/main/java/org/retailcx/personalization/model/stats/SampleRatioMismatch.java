package org.retailcx.personalization.model.stats;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

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
        double pValue = 1 - new ChiSquaredDistribution(dof).cumulativeProbability(chiSquare);
        return new SrmResult(chiSquare, dof, pValue);
    }
}
