package org.retailcx.personalization.model.monitoring;

import java.util.Arrays;

/** Latency percentiles by nearest rank: the smallest observed value with at least p % of observations at or below. */
public final class LatencyPercentiles {

    private final double[] sorted;

    public LatencyPercentiles(double[] latencies) {
        if (latencies.length == 0) {
            throw new IllegalArgumentException("latencies: need at least one observation");
        }
        sorted = latencies.clone();
        Arrays.sort(sorted);
    }

    /** @param percentile in [0, 100]; 0 gives the minimum */
    public double percentile(double percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile: must be in [0, 100], got " + percentile);
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
