package org.retailcx.sales.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rep's quota for an arbitrary period: the one rule quota attainment and the commission engine share. The quota is
 * spread evenly over the days of the period it was set for (its label: 2026, 2026-Q4, 2026-11) and summed over the
 * requested period's days, so a quarterly quota read for a month is about a third, an annual quota read for a
 * quarter about a quarter, and a quota read for its own period is the quota itself. {@link Scope} says what happens
 * to days outside the quota's own period.
 */
public final class QuotaProration {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** Which days of a requested period a quota covers. */
    public enum Scope {
        /** Every day: the quota is a run rate, its label gives its length (a 2026-Q3 quota of 92,000 reads 91,000 for Q2). */
        RUN_RATE,
        /** Only the days inside the quota's own period (the CRM convention: a 2026-Q3 quota says nothing about Q2). */
        WITHIN_PERIOD;

        public String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Scope ofConfigName(String name) {
            for (Scope scope : values()) {
                if (scope.configName().equals(name)) {
                    return scope;
                }
            }
            throw new IllegalArgumentException("quota scope must be run-rate or within-period, not " + name);
        }
    }

    private QuotaProration() {
    }

    /**
     * The quota labelled {@code quotaPeriod} for the days {@code from}..{@code to} (inclusive), to the cent; null when
     * there is no quota or its label is not a year, quarter or month. Under {@link Scope#WITHIN_PERIOD} a period that
     * does not overlap the quota's own has a quota of 0.
     */
    public static BigDecimal forPeriod(BigDecimal quota, String quotaPeriod, LocalDate from, LocalDate to,
            Scope scope) {
        if (quota == null || quotaPeriod == null) {
            return null;
        }
        Optional<LocalDate[]> own = bounds(quotaPeriod);
        if (own.isEmpty()) {
            return null;
        }
        LocalDate ownFrom = own.get()[0];
        LocalDate ownTo = own.get()[1];
        if (scope == Scope.RUN_RATE) {
            return prorate(quota, ownFrom, ownTo, from, to);
        }
        LocalDate overlapFrom = from.isAfter(ownFrom) ? from : ownFrom;
        LocalDate overlapTo = to.isBefore(ownTo) ? to : ownTo;
        if (overlapTo.isBefore(overlapFrom)) {
            return BigDecimal.ZERO.setScale(2);
        }
        return prorate(quota, ownFrom, ownTo, overlapFrom, overlapTo);
    }

    /** {@code quota} spread over quotaFrom..quotaTo and summed over as many days as from..to holds. */
    public static BigDecimal prorate(BigDecimal quota, LocalDate quotaFrom, LocalDate quotaTo, LocalDate from,
            LocalDate to) {
        long quotaDays = ChronoUnit.DAYS.between(quotaFrom, quotaTo) + 1;
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (quotaDays == days) {
            return quota.setScale(2, RoundingMode.HALF_UP);
        }
        return quota.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(quotaDays), 2, RoundingMode.HALF_UP);
    }

    /** The first and last day of a year (2026), quarter (2026-Q4) or month (2026-11) label. */
    public static Optional<LocalDate[]> bounds(String label) {
        Matcher q = QUARTER.matcher(label);
        if (q.matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1);
            return Optional.of(new LocalDate[] { start, start.plusMonths(3).minusDays(1) });
        }
        if (YEAR.matcher(label).matches()) {
            int year = Integer.parseInt(label);
            return Optional.of(new LocalDate[] { LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31) });
        }
        try {
            YearMonth month = YearMonth.parse(label);
            return Optional.of(new LocalDate[] { month.atDay(1), month.atEndOfMonth() });
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code part / whole} in percent with two decimals; null when there is no whole. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
