package org.retailcx.personalization.model.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Threshold-free metrics of predicted probabilities against binary outcomes. */
public final class ProbabilityMetrics {

    /** scikit-learn's clipping: a prediction of exactly 0 or 1 that is wrong costs ln(1e15), not infinity. */
    static final double LOG_LOSS_EPSILON = 1e-15;
    static final int DECILES = 10;

    private ProbabilityMetrics() {
    }

    /**
     * ROC AUC as the Mann–Whitney probability that a random positive outscores a random negative, a tie counting
     * one half (mid-ranks). NaN when only one class is present.
     */
    public static double auc(double[] probabilities, boolean[] outcomes) {
        Scored.requireSameLength(probabilities, outcomes);
        Integer[] order = ascending(probabilities);
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int end = i;
            while (end + 1 < order.length && probabilities[order[end + 1]] == probabilities[order[i]]) {
                end++;
            }
            double midRank = (i + end) / 2.0 + 1;
            for (int k = i; k <= end; k++) {
                if (outcomes[order[k]]) {
                    positiveRankSum += midRank;
                    positives++;
                }
            }
            i = end + 1;
        }
        long negatives = outcomes.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean negative log-likelihood, natural log, probabilities clipped to [ε, 1 − ε]. */
    public static double logLoss(double[] probabilities, boolean[] outcomes) {
        Scored.requireSameLength(probabilities, outcomes);
        double total = 0;
        for (int i = 0; i < outcomes.length; i++) {
            double p = Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, probabilities[i]));
            total -= outcomes[i] ? Math.log(p) : Math.log(1 - p);
        }
        return total / outcomes.length;
    }

    /** One calibration bin: how many predictions, their mean probability and the observed positive rate. */
    public record CalibrationBin(int decile, int count, double meanPredicted, double observedRate) {
    }

    /**
     * Calibration by decile of the predicted probability: predictions sorted ascending and cut into ten groups of
     * equal size (the first n mod 10 groups one larger), each compared with its observed rate.
     */
    public static List<CalibrationBin> calibrationByDecile(double[] probabilities, boolean[] outcomes) {
        Scored.requireSameLength(probabilities, outcomes);
        Integer[] order = ascending(probabilities);
        int n = order.length;
        List<CalibrationBin> bins = new ArrayList<>(DECILES);
        int start = 0;
        for (int decile = 0; decile < DECILES; decile++) {
            int size = n / DECILES + (decile < n % DECILES ? 1 : 0);
            if (size == 0) {
                continue;
            }
            double predicted = 0;
            double positives = 0;
            for (int k = start; k < start + size; k++) {
                predicted += probabilities[order[k]];
                positives += outcomes[order[k]] ? 1 : 0;
            }
            bins.add(new CalibrationBin(decile + 1, size, predicted / size, positives / size));
            start += size;
        }
        return bins;
    }

    private static Integer[] ascending(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        return order;
    }
}
