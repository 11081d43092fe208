package org.retailcx.clv.model;

/**
 * How to turn expected purchases and spend into a discounted value.
 *
 * @param annualDiscountRate annual cost of capital, e.g. 0.10; applied monthly as (1 + annual)^(1/12) − 1
 * @param margin             share of spend that is profit, in (0, 1]; 1 values revenue
 * @param periodsPerMonth    model time units in a month: 365.25 / 12 / 7 ≈ 4.348 for weekly summaries (lifetimes
 *                           uses 4.345 for weeks and 30 for days)
 * @param lifetimeMonths     horizon standing for "lifetime": a truncated discounted sum, not a closed form
 */
public record ClvSettings(double annualDiscountRate, double margin, double periodsPerMonth, int lifetimeMonths) {

    /** Weeks in an average (Julian) month. */
    public static final double WEEKS_PER_MONTH = 365.25 / 12 / 7;
    /** Ten years: at a 10 % annual rate, value beyond it is discounted by more than 60 %. */
    public static final int DEFAULT_LIFETIME_MONTHS = 120;

    public ClvSettings {
        if (!(annualDiscountRate > -1 && Double.isFinite(annualDiscountRate))) {
            throw new IllegalArgumentException("annualDiscountRate must be > -1, was " + annualDiscountRate);
        }
        if (!(margin > 0 && margin <= 1)) {
            throw new IllegalArgumentException("margin must be in (0, 1], was " + margin);
        }
        if (!(periodsPerMonth > 0 && Double.isFinite(periodsPerMonth))) {
            throw new IllegalArgumentException("periodsPerMonth must be positive, was " + periodsPerMonth);
        }
        if (lifetimeMonths < 36) {
            throw new IllegalArgumentException("lifetimeMonths must be at least the 36-month horizon, was "
                    + lifetimeMonths);
        }
    }

    /** Weekly summaries, a ten-year "lifetime". */
    public static ClvSettings weekly(double annualDiscountRate, double margin) {
        return new ClvSettings(annualDiscountRate, margin, WEEKS_PER_MONTH, DEFAULT_LIFETIME_MONTHS);
    }

    public double monthlyDiscountRate() {
        return Math.pow(1 + annualDiscountRate, 1.0 / 12) - 1;
    }
}
