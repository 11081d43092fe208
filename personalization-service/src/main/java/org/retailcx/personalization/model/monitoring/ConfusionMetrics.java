package org.retailcx.personalization.model.monitoring;

/**
 * Counts of a binary classifier's decisions and the metrics derived from them. Precision, recall and F1 are 0
 * where their denominator is 0 (scikit-learn's {@code zero_division=0}), so that an idle model reads as useless
 * rather than as an error.
 */
public record ConfusionMetrics(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    /** Decisions at {@code threshold}: predicted positive when probability ≥ threshold. */
    public static ConfusionMetrics at(double[] probabilities, boolean[] outcomes, double threshold) {
        Scored.requireSameLength(probabilities, outcomes);
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < outcomes.length; i++) {
            boolean predicted = probabilities[i] >= threshold;
            if (predicted && outcomes[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (outcomes[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionMetrics(tp, fp, tn, fn);
    }

    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public double accuracy() {
        return ratio(truePositives + trueNegatives, total());
    }

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
