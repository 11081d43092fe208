package org.retailcx.personalization.model.stats;

/** The sample-ratio-mismatch check: χ² of observed units per variation against the configured weights. */
public record SrmResult(double chiSquare, int degreesOfFreedom, double pValue) {

    /** gbstats' and GrowthBook's alert level: a mismatch this unlikely means the assignment or logging is broken. */
    public static final double ALERT_P_VALUE = 0.001;

    public boolean mismatch() {
        return pValue < ALERT_P_VALUE;
    }
}
