package org.retailcx.clv.model;

import java.util.Objects;

/**
 * The sufficient statistics of one customer over a calibration window, in periods (weeks for CDNOW).
 *
 * @param customerId    the customer's identifier
 * @param frequency     number of repeat purchase days (x): days with a purchase after the first one, whatever the
 *                      amount (a zero-amount order is a purchase for the count model)
 * @param recency       time from the first to the last purchase day (t_x); 0 when frequency is 0
 * @param age           time from the first purchase day to the end of calibration (T)
 * @param monetaryValue mean per-day spend over the repeat days with a positive spend (the first day excluded); 0
 *                      when there are none
 * @param spendDays     how many repeat days {@code monetaryValue} averages: Gamma-Gamma's x, at most
 *                      {@code frequency}
 */
public record CustomerSummary(String customerId, int frequency, double recency, double age, double monetaryValue,
        int spendDays) {

    public CustomerSummary {
        Objects.requireNonNull(customerId, "customerId");
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be >= 0 for customer " + customerId);
        }
        if (!(recency >= 0 && recency <= age && Double.isFinite(age))) {
            throw new IllegalArgumentException(
                    "need 0 <= recency <= age (finite) for customer " + customerId + ": " + recency + ", " + age);
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException("recency must be 0 without repeat purchases for customer " + customerId);
        }
        if (!Double.isFinite(monetaryValue)) {
            throw new IllegalArgumentException("monetaryValue must be finite for customer " + customerId);
        }
        if (spendDays < 0 || spendDays > frequency || (spendDays == 0 && monetaryValue != 0)) {
            throw new IllegalArgumentException("need 0 <= spendDays <= frequency, and monetaryValue 0 without spend"
                    + " days, for customer " + customerId + ": " + spendDays + ", " + monetaryValue);
        }
    }

    /** A summary whose every repeat day has the spend {@code monetaryValue} averages (none when it is 0). */
    public CustomerSummary(String customerId, int frequency, double recency, double age, double monetaryValue) {
        this(customerId, frequency, recency, age, monetaryValue, monetaryValue == 0 ? 0 : frequency);
    }

    /** A summary without spend, for purchase-count models only. */
    public static CustomerSummary of(String customerId, int frequency, double recency, double age) {
        return new CustomerSummary(customerId, frequency, recency, age, 0);
    }
}
