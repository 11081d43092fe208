package org.retailcx.clv.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Response types of the value and segment APIs. Money is in the transactions' currency. */
public final class ValueViews {

    private ValueViews() {
    }

    /**
     * A customer's value under one model version (a row of {@code gold.fact_customer_value}); {@code horizon} only
     * when the lookup asked for one.
     */
    @RegisterForReflection
    public record CustomerValue(String customerId, String segment, int modelVersion, LocalDate predictionDate,
            BigDecimal predictedClv12mo, BigDecimal predictedClv36mo, BigDecimal predictedClvLifetime, int decile,
            double probabilityAlive, double expectedPurchases12mo, double expectedSpend, int frequency,
            double recencyWeeks, double ageWeeks, BigDecimal revenueYtd, BigDecimal costToServeYtd,
            Double profitMarginYtd, @JsonInclude(JsonInclude.Include.NON_NULL) HorizonValue horizon) {

        public CustomerValue withHorizon(HorizonValue value) {
            return new CustomerValue(customerId, segment, modelVersion, predictionDate, predictedClv12mo,
                    predictedClv36mo, predictedClvLifetime, decile, probabilityAlive, expectedPurchases12mo,
                    expectedSpend, frequency, recencyWeeks, ageWeeks, revenueYtd, costToServeYtd, profitMarginYtd,
                    value);
        }
    }

    /**
     * The customer's expectations over the requested horizon from the prediction date: repeat purchase days, P(alive)
     * at the prediction date, expected spend per purchase, and the discounted margin over the horizon (discounted per
     * week or month, at the version's annual rate, times its margin).
     */
    @RegisterForReflection
    public record HorizonValue(int length, String unit, double weeks, double expectedPurchases,
            double probabilityAlive, double expectedSpend, BigDecimal predictedClv) {
    }

    /** Decile 10 = the most valuable tenth by predicted lifetime CLV. */
    @RegisterForReflection
    public record Decile(int decile, long customers, BigDecimal minClvLifetime, BigDecimal maxClvLifetime,
            BigDecimal meanClvLifetime, BigDecimal totalClvLifetime, BigDecimal meanClv12mo,
            double meanProbabilityAlive) {
    }

    /**
     * Predicted value of a segment, and its acquisition economics: CAC = mean acquisition cost per customer
     * (from profitability rows' {@code costBreakdown.acquisition}, summed per customer, over the segment's customers
     * that have any), {@code clvToCac} = mean predicted lifetime CLV / CAC (the "1:x" of CAC:CLV; target 4–5).
     */
    @RegisterForReflection
    public record Segment(String segment, long customers, BigDecimal meanClv12mo, BigDecimal meanClvLifetime,
            BigDecimal totalClvLifetime, double meanProbabilityAlive, long customersWithAcquisitionCost,
            BigDecimal cac, Double clvToCac) {
    }

    @RegisterForReflection
    public record Segments(int modelVersion, LocalDate predictionDate, Segment overall, List<Segment> segments) {
    }

    @RegisterForReflection
    public record ProfitabilityRank(long rank, String customerId, String segment, BigDecimal revenue,
            BigDecimal cost, BigDecimal profit, Double profitMargin, BigDecimal acquisitionCost) {
    }

    /**
     * High-value customers (the top {@code topDeciles} deciles of a model version at its prediction date) and how
     * many of them bought again in (predictionDate, until]; {@code meanProbabilityAlive} is what the model expected.
     */
    @RegisterForReflection
    public record Retention(int modelVersion, LocalDate predictionDate, LocalDate until, int topDeciles,
            long highValueCustomers, long retained, Double retentionRate, Double meanProbabilityAlive) {
    }
}
