package org.retailcx.clv.model;

/**
 * A customer's calibration summary together with what actually happened in the holdout window that follows it.
 *
 * @param calibration       the summary at the end of calibration
 * @param holdoutFrequency  number of purchase days in the holdout window (each is a repeat purchase)
 * @param holdoutSpend      total amount spent in the holdout window
 * @param holdoutLength     length of the holdout window in periods
 */
public record HoldoutObservation(CustomerSummary calibration, int holdoutFrequency, double holdoutSpend,
        double holdoutLength) {
}
