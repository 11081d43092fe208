package org.retailcx.clv.api;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A model version's predictions over a holdout window (the day after its calibration end to {@code holdoutEnd})
 * next to what its customers did: repeat purchase days, and spend (expected purchases × Gamma-Gamma expected spend,
 * before margin and discounting, against actual revenue).
 */
@RegisterForReflection
public record AccuracyResponse(int modelVersion, LocalDate calibrationEnd, LocalDate holdoutStart,
        LocalDate holdoutEnd, double holdoutWeeks, Metric purchases, Metric spend) {

    /**
     * @param pearson per-customer Pearson correlation (null when undefined)
     * @param totalRelativeError (total predicted − total actual) / total actual (null when the actual total is 0)
     * @param calibration customers in deciles of prediction (1 = lowest), mean predicted and mean actual per decile
     */
    @RegisterForReflection
    public record Metric(int customers, Double pearson, double meanAbsoluteError, double totalPredicted,
            double totalActual, Double totalRelativeError, List<Bin> calibration) {
    }

    @RegisterForReflection
    public record Bin(int decile, int customers, double meanPredicted, double meanActual) {
    }

    /**
     * One customer over the holdout window: calibration summary, predicted and actual repeat purchase days, and
     * predicted (expected purchases × Gamma-Gamma expected spend) and actual spend.
     */
    @RegisterForReflection
    public record CustomerAccuracy(String customerId, int frequency, double recencyWeeks, double ageWeeks,
            double predictedPurchases, long actualPurchases, double predictedSpend, double actualSpend) {
    }
}
