package org.retailcx.sales.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A rep's quota for an arbitrary period: the quota is spread evenly over the days of the period it was set for
 * (e.g. 2026-Q4) and summed over the requested period's days, so a quarterly quota read for a month is about a third,
 * and read for its own quarter is the quota itself.
 */
public final class QuotaProration {

    private QuotaProration() {
    }

    public static BigDecimal prorate(BigDecimal quota, LocalDate quotaFrom, LocalDate quotaTo, LocalDate from,
            LocalDate to) {
        long quotaDays = ChronoUnit.DAYS.between(quotaFrom, quotaTo) + 1;
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (quotaDays == days) {
            return quota.setScale(2, RoundingMode.HALF_UP);
        }
        return quota.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(quotaDays), 2, RoundingMode.HALF_UP);
    }

    /** {@code part / whole} in percent with two decimals; null when there is no whole. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
