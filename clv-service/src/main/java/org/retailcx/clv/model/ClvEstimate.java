package org.retailcx.clv.model;

/**
 * A customer's discounted value over the standard horizons, in the currency of the spend model.
 *
 * @param customerId       the customer
 * @param probabilityAlive P(alive) at the end of calibration
 * @param expectedSpend    expected spend per future purchase (before margin)
 * @param value12Months    discounted margin over the next 12 months
 * @param value36Months    discounted margin over the next 36 months
 * @param lifetimeValue    discounted margin over {@link ClvSettings#lifetimeMonths()}
 */
public record ClvEstimate(String customerId, double probabilityAlive, double expectedSpend, double value12Months,
        double value36Months, double lifetimeValue) {
}
