package org.retailcx.clv.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Turns raw transactions into per-customer RFM summaries, following the conventions of lifetimes'
 * {@code summary_data_from_transaction_data(..., freq='D')} divided by the period length in days:
 * <ul>
 *   <li>purchases are grouped by calendar day, so several purchases on one day are one purchase;</li>
 *   <li>frequency = purchase days − 1; recency = (last day − first day) / period; T = (calibration end − first day) /
 *       period, where the calibration end is the last day included and T counts whole days up to it (a customer
 *       whose first purchase falls on the end date has T = 0);</li>
 *   <li>monetary value = mean of the per-day totals over the repeat days with a positive total, the first day's
 *       total excluded; a day whose purchases are worth nothing still counts in frequency and recency (the count
 *       model does not use amounts) but not in the spend mean, whose number of days is
 *       {@link CustomerSummary#spendDays()}.</li>
 * </ul>
 * Customers whose first purchase falls after the calibration end are left out.
 */
public final class RfmSummarizer {

    private static final Comparator<Transaction> BY_CUSTOMER_THEN_DATE =
            Comparator.comparing(Transaction::customerId).thenComparing(Transaction::date);

    private final double daysPerPeriod;

    /** @param daysPerPeriod length of the model's time unit in days (7 for weeks) */
    public RfmSummarizer(double daysPerPeriod) {
        if (!(daysPerPeriod > 0 && Double.isFinite(daysPerPeriod))) {
            throw new IllegalArgumentException("daysPerPeriod must be positive, was " + daysPerPeriod);
        }
        this.daysPerPeriod = daysPerPeriod;
    }

    /** Summaries in weeks, the unit of the published CDNOW results. */
    public static RfmSummarizer weekly() {
        return new RfmSummarizer(7);
    }

    /** Summaries over all transactions up to and including {@code calibrationEnd}, sorted by customer id. */
    public List<CustomerSummary> summarize(Collection<Transaction> transactions, LocalDate calibrationEnd) {
        return calibrationAndHoldout(transactions, calibrationEnd, calibrationEnd).stream()
                .map(HoldoutObservation::calibration)
                .toList();
    }

    /**
     * Calibration summaries plus holdout outcomes: purchase days and spend in (calibrationEnd, holdoutEnd], for
     * the customers known at the calibration end (like lifetimes' {@code calibration_and_holdout_data}).
     */
    public List<HoldoutObservation> calibrationAndHoldout(Collection<Transaction> transactions,
            LocalDate calibrationEnd, LocalDate holdoutEnd) {
        if (holdoutEnd.isBefore(calibrationEnd)) {
            throw new IllegalArgumentException(
                    "holdoutEnd " + holdoutEnd + " is before calibrationEnd " + calibrationEnd);
        }
        Transaction[] sorted = transactions.toArray(Transaction[]::new);
        Arrays.sort(sorted, BY_CUSTOMER_THEN_DATE);
        long calibrationEndDay = calibrationEnd.toEpochDay();
        long holdoutEndDay = holdoutEnd.toEpochDay();
        double holdoutLength = (holdoutEndDay - calibrationEndDay) / daysPerPeriod;

        List<HoldoutObservation> result = new ArrayList<>();
        int start = 0;
        while (start < sorted.length) {
            int end = start;
            while (end < sorted.length && sorted[end].customerId().equals(sorted[start].customerId())) {
                end++;
            }
            long firstDay = sorted[start].date().toEpochDay();
            if (firstDay <= calibrationEndDay) {
                result.add(summarizeCustomer(sorted, start, end, calibrationEndDay, holdoutEndDay, holdoutLength));
            }
            start = end;
        }
        return result;
    }

    /** Summarises sorted[start, end), all one customer's transactions in date order. */
    private HoldoutObservation summarizeCustomer(Transaction[] sorted, int start, int end, long calibrationEndDay,
            long holdoutEndDay, double holdoutLength) {
        long firstDay = sorted[start].date().toEpochDay();
        long lastCalibrationDay = firstDay;
        int repeatDays = 0;
        int spendDays = 0;
        double repeatSpend = 0;
        int holdoutDays = 0;
        double holdoutSpend = 0;

        int i = start;
        while (i < end) {
            long day = sorted[i].date().toEpochDay();
            double dayTotal = 0;
            while (i < end && sorted[i].date().toEpochDay() == day) {
                dayTotal += sorted[i].amount();
                i++;
            }
            if (day == firstDay || day > holdoutEndDay) {
                continue; // the first day is the acquisition, not a repeat purchase
            }
            if (day <= calibrationEndDay) {
                repeatDays++;
                if (dayTotal > 0) {
                    spendDays++;
                    repeatSpend += dayTotal;
                }
                lastCalibrationDay = day;
            } else {
                holdoutDays++;
                holdoutSpend += dayTotal;
            }
        }
        CustomerSummary calibration = new CustomerSummary(sorted[start].customerId(), repeatDays,
                (lastCalibrationDay - firstDay) / daysPerPeriod,
                (calibrationEndDay - firstDay) / daysPerPeriod,
                spendDays == 0 ? 0 : repeatSpend / spendDays, spendDays);
        return new HoldoutObservation(calibration, holdoutDays, holdoutSpend, holdoutLength);
    }
}
