package org.retailcx.sales.model.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Learned encoding of one numeric feature. Columns, in order: the standardised value {@code (x - mean) / sd};
 * a missing indicator (only if training had missing values); one indicator per sentinel value seen in
 * training; one hinge {@code max(0, x - knot) / sd} per spline knot (only if a spline was asked for).
 *
 * <p>The hinges make the feature's effect piecewise linear with breaks at the knots, a linear spline. Unlike
 * one-hot bins, a spline stays linear beyond the training range, so a value never seen in training (say an
 * economic indicator that moved since the model was trained) is extrapolated along the trend instead of
 * being lumped into the edge bin.
 *
 * <p>A missing or sentinel value gets standardised value 0 (the training mean) and zero hinges, so its
 * effect is carried by its indicator alone.
 *
 * @param knots ascending interior quantiles of the training values
 */
public record NumericFeature(
        String name,
        double mean,
        double standardDeviation,
        boolean missingIndicator,
        List<Double> sentinels,
        List<Double> knots) {

    public NumericFeature {
        Objects.requireNonNull(name, "name");
        sentinels = List.copyOf(sentinels);
        knots = List.copyOf(knots);
        if (!(standardDeviation > 0)) {
            throw new IllegalArgumentException("standardDeviation of '" + name + "' must be > 0");
        }
    }

    /**
     * Learns mean, sd and knots from the training values; null or non-finite values count as missing.
     * Empty when every training row would encode the same, since such a column cannot tell leads apart.
     */
    static Optional<NumericFeature> fit(String name, List<Object> values, Set<Double> configuredSentinels,
                                        int splineSegments) {
        double[] regular = new double[values.size()];
        int regularCount = 0;
        boolean anyMissing = false;
        Set<Double> seenSentinels = new TreeSet<>();
        for (Object value : values) {
            double x = toDouble(value);
            if (Double.isNaN(x)) {
                anyMissing = true;
            } else if (configuredSentinels.contains(x)) {
                seenSentinels.add(x);
            } else {
                regular[regularCount++] = x;
            }
        }
        double[] sorted = Arrays.copyOf(regular, regularCount);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        double variance = Arrays.stream(sorted).map(x -> (x - mean) * (x - mean)).average().orElse(0);
        int kinds = (regularCount > 0 ? 1 : 0) + (anyMissing ? 1 : 0) + seenSentinels.size();
        if (variance == 0 && kinds < 2) {
            return Optional.empty();
        }
        // With no spread among regular values the standardised value is always 0: sd 1 keeps it harmless.
        double sd = variance > 0 ? Math.sqrt(variance) : 1;
        return Optional.of(new NumericFeature(name, mean, sd, anyMissing, new ArrayList<>(seenSentinels),
                quantileKnots(sorted, splineSegments)));
    }

    int width() {
        return 1 + (missingIndicator ? 1 : 0) + sentinels.size() + knots.size();
    }

    List<String> columnNames() {
        List<String> names = new ArrayList<>();
        names.add(name);
        if (missingIndicator) {
            names.add(name + "#missing");
        }
        sentinels.forEach(sentinel -> names.add(name + "#=" + sentinel));
        knots.forEach(knot -> names.add(name + "#above " + knot));
        return names;
    }

    /** Writes this feature's columns into {@code row} from {@code offset}; {@code row} starts zeroed. */
    void encode(Object value, double[] row, int offset) {
        // A non-number at scoring time (e.g. "n/a" from a free-text CRM field) is treated as missing.
        double x = toDouble(value);
        int column = offset + 1;
        if (missingIndicator) {
            if (Double.isNaN(x)) {
                row[column] = 1;
            }
            column++;
        }
        int sentinel = Double.isNaN(x) ? -1 : sentinels.indexOf(x);
        if (sentinel >= 0) {
            row[column + sentinel] = 1;
        }
        column += sentinels.size();
        if (Double.isNaN(x) || sentinel >= 0) {
            return;
        }
        row[offset] = (x - mean) / standardDeviation;
        for (int k = 0; k < knots.size(); k++) {
            row[column + k] = Math.max(0, x - knots.get(k)) / standardDeviation;
        }
    }

    /**
     * Distinct training quantiles at 1/segments, 2/segments, ...; ties collapse, so a few-valued feature gets
     * fewer knots. A knot at the minimum would duplicate the linear term and one at the maximum would never
     * be active in training, so both are dropped.
     */
    private static List<Double> quantileKnots(double[] sorted, int segments) {
        if (segments < 2 || sorted.length == 0) {
            return List.of();
        }
        TreeSet<Double> knots = new TreeSet<>();
        for (int q = 1; q < segments; q++) {
            int index = (int) Math.ceil((double) q * sorted.length / segments) - 1;
            knots.add(sorted[Math.max(0, index)]);
        }
        knots.remove(sorted[0]);
        knots.remove(sorted[sorted.length - 1]);
        return new ArrayList<>(knots);
    }

    private static double toDouble(Object value) {
        if (value instanceof Number number) {
            double x = number.doubleValue();
            return Double.isFinite(x) ? x : Double.NaN;
        }
        return Double.NaN;
    }
}
