package org.retailcx.personalization.model.stats;

/** A variation's metric summarised by its mean, the per-unit variance and the number of units. */
public interface MetricStatistic {

    double mean();

    /** Variance of one unit's value (not of the mean). */
    double variance();

    long n();
}
