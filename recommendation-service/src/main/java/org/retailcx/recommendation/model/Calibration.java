package org.retailcx.recommendation.model;

import java.util.ArrayList;
import java.util.List;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Reliability of affinity or propensity scores read as probabilities: predictions ranked ascending (ties by input
 * order) and cut into groups of equal size (the first {@code n mod bins} groups hold one more), each group's mean
 * prediction next to the share of positive outcomes. The expected calibration error weighs each group's gap by its
 * size; the Brier score is the mean squared error of the probabilities.
 */
public final class Calibration {

    public record Report(List<ReliabilityBin> bins, double expectedCalibrationError, double brierScore) {
    }

    private Calibration() {
    }

    public static Report byDecile(double[] predicted, boolean[] outcome) {
        return reliability(predicted, outcome, 10);
    }

    public static Report reliability(double[] predicted, boolean[] outcome, int bins) {
        int n = predicted.length;
        if (outcome.length != n) {
            throw new IllegalArgumentException("predictions and outcomes differ in length");
        }
        if (bins < 1 || n < bins) {
            throw new IllegalArgumentException("need at least as many predictions as bins");
        }
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double p = predicted[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("prediction " + i + " is not a probability: " + p);
            }
            double error = p - (outcome[i] ? 1 : 0);
            brier += error * error;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IntArrays.stableSort(order, (a, b) -> Double.compare(predicted[a], predicted[b]));
        List<ReliabilityBin> result = new ArrayList<>(bins);
        double gap = 0;
        int from = 0;
        for (int b = 0; b < bins; b++) {
            int size = n / bins + (b < n % bins ? 1 : 0);
            double sumPredicted = 0;
            int positives = 0;
            for (int i = from; i < from + size; i++) {
                sumPredicted += predicted[order[i]];
                positives += outcome[order[i]] ? 1 : 0;
            }
            ReliabilityBin bin = new ReliabilityBin(b + 1, size, sumPredicted / size, (double) positives / size);
            gap += size * Math.abs(bin.meanPredicted() - bin.observedRate());
            result.add(bin);
            from += size;
        }
        return new Report(List.copyOf(result), gap / n, brier / n);
    }
}
