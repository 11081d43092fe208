package org.retailcx.recommendation.model;

import java.util.Arrays;
import java.util.SplittableRandom;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Affinity and its calibration into a propensity. A customer's <b>affinity</b> for a product is the percentile of
 * the product's score among all products under a model ((products scored lower + 1) / (products + 1)), comparable
 * across algorithms and versions. The <b>propensity</b> is the probability that the customer takes the product up,
 * learnt by isotonic regression (pool-adjacent-violators) of held-out outcomes on affinity: the version's spec is
 * refitted on a stratified share of its pairs, and every product a sampled customer has not interacted with in that
 * share is a trial, positive when the customer's held-out pairs hold it. Half of the sampled customers fit the map,
 * the other half report reliability by decile, before (affinity read as a probability) and after calibration.
 */
public final class PropensityCalibration {

    /** A non-decreasing step function: {@code values[i]} from {@code lowerBounds[i]} on (the first also below it). */
    public record Isotonic(double[] lowerBounds, double[] values) {

        public double apply(double affinity) {
            int i = Arrays.binarySearch(lowerBounds, affinity);
            int block = i >= 0 ? i : Math.max(0, -i - 2);
            return values[block];
        }

        /** Pool-adjacent-violators on outcomes (0/1) ordered by score: block means that never decrease. */
        public static Isotonic fit(double[] score, boolean[] outcome) {
            int n = score.length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            IntArrays.stableSort(order, (a, b) -> Double.compare(score[a], score[b]));
            DoubleArrayList lower = new DoubleArrayList();
            DoubleArrayList sum = new DoubleArrayList();
            IntArrayList count = new IntArrayList();
            for (int k = 0; k < n; k++) {
                int i = order[k];
                double y = outcome[i] ? 1 : 0;
                // equal scores share a block: the map is a function of the score
                if (!lower.isEmpty() && lower.getDouble(lower.size() - 1) == score[i]) {
                    int last = lower.size() - 1;
                    sum.set(last, sum.getDouble(last) + y);
                    count.set(last, count.getInt(last) + 1);
                } else {
                    lower.add(score[i]);
                    sum.add(y);
                    count.add(1);
                }
                while (lower.size() > 1) {
                    int last = lower.size() - 1;
                    if (sum.getDouble(last - 1) / count.getInt(last - 1) < sum.getDouble(last) / count.getInt(last)) {
                        break;
                    }
                    sum.set(last - 1, sum.getDouble(last - 1) + sum.getDouble(last));
                    count.set(last - 1, count.getInt(last - 1) + count.getInt(last));
                    lower.removeDouble(last);
                    sum.removeDouble(last);
                    count.removeInt(last);
                }
            }
            double[] values = new double[lower.size()];
            for (int b = 0; b < values.length; b++) {
                values[b] = sum.getDouble(b) / count.getInt(b);
            }
            return new Isotonic(lower.toDoubleArray(), values);
        }
    }

    /** The map and its reliability on the customers that did not fit it. */
    public record Fit(Isotonic map, Calibration.Report uncalibrated, Calibration.Report calibrated, int fitTrials,
            int reportTrials, int positives, int customers) {
    }

    private PropensityCalibration() {
    }

    /** The percentile of {@code product}'s score among {@code scores}: (scored lower + 1) / (products + 1). */
    public static double affinity(double[] sortedScores, double score) {
        int lower = 0;
        int high = sortedScores.length;
        while (lower < high) {
            int mid = (lower + high) >>> 1;
            if (sortedScores[mid] < score) {
                lower = mid + 1;
            } else {
                high = mid;
            }
        }
        return (lower + 1.0) / (sortedScores.length + 1.0);
    }

    /** Every product's affinity for the customer under the model. */
    public static double[] affinities(Recommender model, int customer) {
        double[] scores = new double[model.training().productCount()];
        model.scoreAll(customer, scores);
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] out = new double[scores.length];
        for (int p = 0; p < scores.length; p++) {
            out[p] = affinity(sorted, scores[p]);
        }
        return out;
    }

    /**
     * Fits the calibration of {@code spec} on {@code all}: a stratified split by {@code trainRatio} and
     * {@code seed}, up to {@code maxCustomers} customers with held-out pairs sampled with the seed.
     *
     * @throws IllegalArgumentException when the held-out trials hold fewer than 10 positives or either half has fewer
     *                                  trials than deciles
     */
    public static Fit fit(InteractionMatrix all, TrainingSpec spec, double trainRatio, long seed, int maxCustomers) {
        TrainTestSplit split = TrainTestSplit.stratified(all, trainRatio, seed);
        Recommender model = spec.fit(split.train());
        IntArrayList sampled = new IntArrayList();
        for (int c = 0; c < all.customerCount(); c++) {
            if (split.test().rowLength(c) > 0) {
                sampled.add(c);
            }
        }
        int[] customers = sampled.toIntArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = customers.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = customers[i];
            customers[i] = customers[j];
            customers[j] = t;
        }
        int used = Math.min(customers.length, maxCustomers);
        DoubleArrayList[] scores = { new DoubleArrayList(), new DoubleArrayList() };
        java.util.List<java.util.BitSet> outcomes = java.util.List.of(new java.util.BitSet(), new java.util.BitSet());
        int positives = 0;
        for (int i = 0; i < used; i++) {
            int c = customers[i];
            int half = i % 2;
            double[] affinity = affinities(model, c);
            for (int p = 0; p < affinity.length; p++) {
                if (split.train().hasInteracted(c, p)) {
                    continue;
                }
                boolean positive = split.test().hasInteracted(c, p);
                if (positive) {
                    outcomes.get(half).set(scores[half].size());
                    positives++;
                }
                scores[half].add(affinity[p]);
            }
        }
        if (positives < 10 || scores[0].size() < 10 || scores[1].size() < 10) {
            throw new IllegalArgumentException("calibration needs at least 10 held-out positives and 10 trials in each"
                    + " half; got " + positives + " positives in " + scores[0].size() + " + " + scores[1].size()
                    + " trials");
        }
        boolean[] fitOutcome = bits(outcomes.get(0), scores[0].size());
        boolean[] reportOutcome = bits(outcomes.get(1), scores[1].size());
        Isotonic map = Isotonic.fit(scores[0].toDoubleArray(), fitOutcome);
        double[] report = scores[1].toDoubleArray();
        double[] calibrated = new double[report.length];
        for (int i = 0; i < report.length; i++) {
            calibrated[i] = map.apply(report[i]);
        }
        return new Fit(map, Calibration.byDecile(report, reportOutcome), Calibration.byDecile(calibrated, reportOutcome),
                scores[0].size(), scores[1].size(), positives, used);
    }

    private static boolean[] bits(java.util.BitSet set, int n) {
        boolean[] out = new boolean[n];
        for (int i = set.nextSetBit(0); i >= 0 && i < n; i = set.nextSetBit(i + 1)) {
            out[i] = true;
        }
        return out;
    }
}
