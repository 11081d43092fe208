package org.retailcx.personalization.model.stats;

/** A two-sided frequentist comparison: estimate, confidence interval, p-value and the test's degrees of freedom. */
public record FrequentistResult(double estimate, double ciLower, double ciUpper, double pValue,
                                double degreesOfFreedom) {

    public boolean significant(double alpha) {
        return pValue < alpha;
    }
}
