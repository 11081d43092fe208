package org.retailcx.personalization.model.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two windows' shares over common bins, as Evidently computes them for Jensen–Shannon and PSI: numeric columns
 * with more than 20 distinct reference values use equal-width Sturges bins over both windows together (numpy's
 * {@code histogram_bin_edges(..., "sturges")}), anything else the frequency of each value; empty bins get a tiny
 * share so that logarithms stay finite.
 */
record Distributions(double[] reference, double[] current) {

    private static final int MAX_DISTINCT_FOR_VALUE_BINS = 20;
    private static final double EMPTY_BIN_SHARE = 0.0001;

    static Distributions numeric(double[] reference, double[] current) {
        if (Arrays.stream(reference).distinct().count() <= MAX_DISTINCT_FOR_VALUE_BINS) {
            return categorical(boxed(reference), boxed(current));
        }
        double min = Math.min(Arrays.stream(reference).min().orElseThrow(), Arrays.stream(current).min().orElseThrow());
        double max = Math.max(Arrays.stream(reference).max().orElseThrow(), Arrays.stream(current).max().orElseThrow());
        int bins = (int) Math.ceil(Math.log(reference.length + current.length) / Math.log(2) + 1);
        double step = (max - min) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = i == bins ? max : min + i * step;
        }
        return new Distributions(fillEmpty(histogram(reference, edges)), fillEmpty(histogram(current, edges)));
    }

    private static List<Object> boxed(double[] values) {
        List<Object> boxed = new ArrayList<>(values.length);
        for (double value : values) {
            boxed.add(value);
        }
        return boxed;
    }

    /** numpy's histogram: half-open bins except the last, which includes the maximum. */
    private static double[] histogram(double[] values, double[] edges) {
        int bins = edges.length - 1;
        double[] shares = new double[bins];
        for (double value : values) {
            int bin = Arrays.binarySearch(edges, value);
            bin = bin >= 0 ? Math.min(bin, bins - 1) : -bin - 2;
            shares[bin] += 1.0 / values.length;
        }
        return shares;
    }

    static <T> Distributions categorical(List<T> reference, List<T> current) {
        Map<T, double[]> counts = new LinkedHashMap<>();
        for (T value : reference) {
            counts.computeIfAbsent(value, v -> new double[2])[0]++;
        }
        for (T value : current) {
            counts.computeIfAbsent(value, v -> new double[2])[1]++;
        }
        double[] referenceShares = new double[counts.size()];
        double[] currentShares = new double[counts.size()];
        int i = 0;
        for (double[] count : counts.values()) {
            referenceShares[i] = count[0] / reference.size();
            currentShares[i] = count[1] / current.size();
            i++;
        }
        return new Distributions(fillEmpty(referenceShares), fillEmpty(currentShares));
    }

    /** Evidently's fill: 0.0001, or a millionth of the smallest non-empty share when that is smaller still. */
    private static double[] fillEmpty(double[] shares) {
        double smallest = Arrays.stream(shares).filter(s -> s > 0).min().orElse(EMPTY_BIN_SHARE);
        double fill = smallest <= EMPTY_BIN_SHARE ? smallest / 1e6 : EMPTY_BIN_SHARE;
        double[] filled = shares.clone();
        for (int i = 0; i < filled.length; i++) {
            if (filled[i] == 0) {
                filled[i] = fill;
            }
        }
        return filled;
    }
}
