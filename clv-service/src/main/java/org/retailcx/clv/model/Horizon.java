package org.retailcx.clv.model;

/**
 * A forecast horizon of whole weeks or months from the end of calibration. Values over it are discounted per
 * step of its unit: each week's (or month's) expected purchases at (1 + annual rate)^(−elapsed years).
 *
 * @param length number of units, at least 1
 * @param unit   weeks or months
 */
public record Horizon(int length, Unit unit) {

    /** The units a horizon is counted in. */
    public enum Unit {
        WEEKS, MONTHS
    }

    /** Ten years in weeks: beyond it a 10 % annual discount leaves under 40 % of the value. */
    public static final int MAX_WEEKS = 520;
    public static final int MAX_MONTHS = 120;

    public Horizon {
        if (unit == null) {
            throw new IllegalArgumentException("a horizon needs a unit, weeks or months");
        }
        int max = unit == Unit.WEEKS ? MAX_WEEKS : MAX_MONTHS;
        if (length < 1 || length > max) {
            throw new IllegalArgumentException("a horizon in " + unit.name().toLowerCase() + " must be 1 to " + max
                    + ", was " + length);
        }
    }

    /** Model periods in one step of the unit. */
    double periodsPerStep(ClvSettings settings) {
        // weeks per month over weeks per month is exactly 1 for weekly summaries
        return unit == Unit.MONTHS ? settings.periodsPerMonth()
                : settings.periodsPerMonth() / ClvSettings.WEEKS_PER_MONTH;
    }

    /** Discount rate per step: (1 + annual)^(1/12) − 1 per month, (1 + annual)^(7/365.25) − 1 per week. */
    double ratePerStep(ClvSettings settings) {
        return unit == Unit.MONTHS ? settings.monthlyDiscountRate()
                : Math.pow(1 + settings.annualDiscountRate(), 7 / 365.25) - 1;
    }

    /** The horizon in model periods. */
    public double periods(ClvSettings settings) {
        return length * periodsPerStep(settings);
    }
}
