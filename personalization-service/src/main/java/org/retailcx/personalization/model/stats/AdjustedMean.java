package org.retailcx.personalization.model.stats;

/** A CUPED-adjusted mean metric, usable wherever a {@link MetricStatistic} is. */
public record AdjustedMean(double mean, double variance, long n) implements MetricStatistic {
}
