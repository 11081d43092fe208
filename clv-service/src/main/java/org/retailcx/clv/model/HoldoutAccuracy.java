package org.retailcx.clv.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Compares per-customer predictions over a holdout window with the actual outcomes. */
public final class HoldoutAccuracy {

    private static final int DECILES = 10;

    private HoldoutAccuracy() {
    }

    /** Accuracy with calibration by decile of prediction. */
    public static AccuracyReport evaluate(double[] predicted, double[] actual) {
        return evaluate(predicted, actual, DECILES);
    }

    /**
     * Accuracy with calibration in {@code groups} equal-sized groups by rank of prediction (group sizes differ by at
     * most one; tied predictions keep input order, so ties may straddle two groups).
     */
    public static AccuracyReport evaluate(double[] predicted, double[] actual, int groups) {
        int n = predicted.length;
        if (n != actual.length) {
            throw new IllegalArgumentException("predicted and actual differ in length: " + n + " vs " + actual.length);
        }
        if (groups < 1 || n < groups) {
            throw new IllegalArgumentException("need at least as many customers (" + n + ") as groups (" + groups
                    + "), and groups >= 1");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(predicted[i]) || !Double.isFinite(actual[i])) {
                throw new IllegalArgumentException("non-finite value at index " + i);
            }
        }
        double totalPredicted = 0;
        double totalActual = 0;
        double absoluteError = 0;
        for (int i = 0; i < n; i++) {
            totalPredicted += predicted[i];
            totalActual += actual[i];
            absoluteError += Math.abs(predicted[i] - actual[i]);
        }
        return new AccuracyReport(n, pearson(predicted, actual, totalPredicted / n, totalActual / n),
                absoluteError / n, totalPredicted, totalActual, calibration(predicted, actual, groups));
    }

    /** Two-pass Pearson correlation: centring first avoids the cancellation of the one-pass formula. */
    private static double pearson(double[] x, double[] y, double meanX, double meanY) {
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static List<CalibrationBin> calibration(double[] predicted, double[] actual, int groups) {
        int n = predicted.length;
        int[] order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble(i -> predicted[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        List<CalibrationBin> bins = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            int from = (int) ((long) g * n / groups);
            int to = (int) ((long) (g + 1) * n / groups);
            double sumPredicted = 0;
            double sumActual = 0;
            for (int k = from; k < to; k++) {
                sumPredicted += predicted[order[k]];
                sumActual += actual[order[k]];
            }
            int size = to - from;
            bins.add(new CalibrationBin(g + 1, size, sumPredicted / size, sumActual / size));
        }
        return bins;
    }
}
