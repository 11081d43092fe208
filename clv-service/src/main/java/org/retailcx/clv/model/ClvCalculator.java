package org.retailcx.clv.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Discounted customer lifetime value the way lifetimes' {@code customer_lifetime_value} computes it: for each month
 * k = 1..H, the expected purchases in that month (the difference of the cumulative conditional expectation at
 * k and k−1 months) times the expected spend per purchase times the margin, discounted by (1 + monthly rate)^k.
 *
 * <p>"Lifetime" is that sum truncated at {@link ClvSettings#lifetimeMonths()} (120 by default), not a closed-form
 * DERT. Because E[Y(t) | x, t_x, T] = P(alive) · E[Y(t) | alive, x, T] and the second factor depends on (x, T)
 * alone, {@link #estimateAll} computes the monthly series once per distinct (x, T).
 */
public final class ClvCalculator {

    private static final int SHORT_HORIZON = 12;
    private static final int MEDIUM_HORIZON = 36;

    private record Key(int frequency, double age) {
    }

    private final BgNbdModel purchases;
    private final GammaGammaModel spend;
    private final ClvSettings settings;

    public ClvCalculator(BgNbdModel purchases, GammaGammaModel spend, ClvSettings settings) {
        this.purchases = Objects.requireNonNull(purchases, "purchases");
        this.spend = Objects.requireNonNull(spend, "spend");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** CLV with the expected spend from the Gamma-Gamma model. */
    public ClvEstimate estimate(CustomerSummary customer) {
        return estimate(customer, spend.expectedAverageSpend(customer));
    }

    /** CLV with a given expected spend per purchase (e.g. from another spend model, or a known ticket size). */
    public ClvEstimate estimate(CustomerSummary customer, double expectedSpend) {
        return combine(customer, expectedSpend, discountedPurchasesIfAlive(customer.frequency(), customer.age()));
    }

    /** CLV for many customers, sharing the expensive per-(x, T) work between customers with the same history. */
    public List<ClvEstimate> estimateAll(List<CustomerSummary> customers) {
        Map<Key, double[]> cache = new HashMap<>();
        List<ClvEstimate> result = new ArrayList<>(customers.size());
        for (CustomerSummary c : customers) {
            double[] discounted = cache.computeIfAbsent(new Key(c.frequency(), c.age()),
                    k -> discountedPurchasesIfAlive(k.frequency(), k.age()));
            result.add(combine(c, spend.expectedAverageSpend(c), discounted));
        }
        return result;
    }

    private ClvEstimate combine(CustomerSummary customer, double expectedSpend, double[] discountedIfAlive) {
        double alive = purchases.probabilityAlive(customer);
        double perPurchase = expectedSpend * settings.margin() * alive;
        return new ClvEstimate(customer.customerId(), alive, expectedSpend, perPurchase * discountedIfAlive[0],
                perPurchase * discountedIfAlive[1], perPurchase * discountedIfAlive[2]);
    }

    /**
     * Discounted expected purchases given alive over 12, 36 and lifetime months. Depends on (x, T) only: a
     * set-based scorer computes it once per distinct (x, T) and multiplies by P(alive) × expected spend × margin.
     */
    public double[] discountedPurchasesIfAlive(int frequency, double age) {
        return discountedPurchasesIfAlive(frequency, age, settings.periodsPerMonth(), settings.monthlyDiscountRate(),
                SHORT_HORIZON, MEDIUM_HORIZON, settings.lifetimeMonths());
    }

    /** Expected purchases, P(alive) and discounted value over a horizon of weeks or months. */
    public HorizonEstimate atHorizon(CustomerSummary customer, Horizon horizon) {
        double periods = horizon.periods(settings);
        double alive = purchases.probabilityAlive(customer);
        double expectedSpend = spend.expectedAverageSpend(customer);
        double discounted = discountedPurchasesIfAlive(customer.frequency(), customer.age(),
                horizon.periodsPerStep(settings), horizon.ratePerStep(settings), horizon.length())[0];
        return new HorizonEstimate(horizon, periods, alive * purchases.expectedPurchasesIfAlive(periods,
                customer.frequency(), customer.age()), alive, expectedSpend,
                expectedSpend * settings.margin() * alive * discounted);
    }

    /**
     * Σ_k (E[Y(k·step) | alive] − E[Y((k−1)·step) | alive]) · (1 + rate)^−k, read at each of {@code marks} steps
     * (increasing; the last is the number of steps summed).
     */
    private double[] discountedPurchasesIfAlive(int frequency, double age, double periodsPerStep, double ratePerStep,
            int... marks) {
        double discount = 1 / (1 + ratePerStep);
        double factor = 1;
        double previous = 0;
        double total = 0;
        double[] byMark = new double[marks.length];
        int mark = 0;
        for (int step = 1; step <= marks[marks.length - 1]; step++) {
            double cumulative = purchases.expectedPurchasesIfAlive(step * periodsPerStep, frequency, age);
            factor *= discount;
            total += (cumulative - previous) * factor;
            previous = cumulative;
            while (mark < marks.length && marks[mark] == step) {
                byMark[mark++] = total;
            }
        }
        return byMark;
    }
}
