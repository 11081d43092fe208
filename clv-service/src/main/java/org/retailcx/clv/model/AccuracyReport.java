package org.retailcx.clv.model;

import java.util.List;

/**
 * How well per-customer predictions over a holdout window matched what happened.
 *
 * @param customers         number of customers compared
 * @param pearson           Pearson correlation of predicted and actual; NaN if either has no variance
 * @param meanAbsoluteError mean |predicted − actual|
 * @param totalPredicted    sum of predictions
 * @param totalActual       sum of actuals
 * @param calibration       customers split by rank of prediction into equal-sized groups (deciles by default)
 */
public record AccuracyReport(int customers, double pearson, double meanAbsoluteError, double totalPredicted,
        double totalActual, List<CalibrationBin> calibration) {

    public AccuracyReport {
        calibration = List.copyOf(calibration);
    }

    /** (total predicted − total actual) / total actual. */
    public double totalRelativeError() {
        return (totalPredicted - totalActual) / totalActual;
    }
}
