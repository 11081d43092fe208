package org.retailcx.recommendation.model;

import java.time.Duration;

import org.ejml.data.DMatrixRMaj;

/**
 * Smart Adaptive Recommendations (SAR), as Microsoft Recommenders' {@code SARSingleNode}: an item-to-item similarity
 * from the co-occurrence counts (pairs seen together by fewer than {@code threshold} customers are dropped), a user
 * affinity per (customer, product) that sums the event weights, optionally halved every {@code halfLife} before the
 * latest event, and scores = affinity row × similarity matrix.
 */
public final class SarRecommender implements Recommender, ProductSimilarity {

    /** How co-occurrence counts become similarities: raw counts, c_ij / (c_ii + c_jj − c_ij), or c_ij / (c_ii · c_jj). */
    public enum Similarity {
        COOCCURRENCE, JACCARD, LIFT
    }

    public record Parameters(Similarity similarity, boolean timeDecay, Duration halfLife, int threshold)
            implements TrainingSpec {

        public Parameters {
            if (threshold < 1) {
                throw new IllegalArgumentException("threshold must be at least 1");
            }
            if (timeDecay && (halfLife == null || halfLife.isNegative() || halfLife.isZero())) {
                throw new IllegalArgumentException("halfLife must be positive when timeDecay is on");
            }
        }

        /** Recommenders' defaults: Jaccard, 30-day half-life, threshold 1. */
        public static Parameters defaults() {
            return new Parameters(Similarity.JACCARD, true, Duration.ofDays(30), 1);
        }

        @Override
        public Algorithm algorithm() {
            return Algorithm.SAR;
        }

        @Override
        public Recommender fit(InteractionMatrix training) {
            return new SarRecommender(training, this);
        }
    }

    private final InteractionMatrix training;
    private final DMatrixRMaj similarity;
    private final double[] affinity;

    private SarRecommender(InteractionMatrix training, Parameters parameters) {
        this.training = training;
        this.similarity = similarity(ItemCooccurrence.counts(training), parameters);
        this.affinity = new double[training.cellCount()];
        long reference = training.latestEvent();
        double halfLife = parameters.timeDecay() ? parameters.halfLife().toSeconds() : 0;
        for (int cell = 0; cell < affinity.length; cell++) {
            affinity[cell] = parameters.timeDecay() ? training.decayedWeight(cell, reference, halfLife)
                    : training.weight(cell);
        }
    }

    static DMatrixRMaj similarity(DMatrixRMaj counts, Parameters parameters) {
        int n = counts.numRows;
        double[] c = counts.data;
        for (int k = 0; k < c.length; k++) {
            if (c[k] < parameters.threshold()) {
                c[k] = 0;
            }
        }
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = c[i * n + i];
        }
        if (parameters.similarity() != Similarity.COOCCURRENCE) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double cij = c[i * n + j];
                    if (cij == 0) {
                        continue;
                    }
                    c[i * n + j] = parameters.similarity() == Similarity.JACCARD
                            ? cij / (diagonal[i] + diagonal[j] - cij)
                            : cij / (diagonal[i] * diagonal[j]);
                }
            }
        }
        return counts;
    }

    /** The similarity of two products, as used in scoring. */
    public double productSimilarity(int a, int b) {
        return similarity.get(a, b);
    }

    /** The affinity of a customer for a product (time-decayed when configured), 0 without interaction. */
    public double affinity(int customer, int product) {
        int cell = training.findCell(customer, product);
        return cell < 0 ? 0 : affinity[cell];
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.SAR;
    }

    @Override
    public InteractionMatrix training() {
        return training;
    }

    @Override
    public void scoreAll(int customer, double[] scores) {
        java.util.Arrays.fill(scores, 0);
        int n = similarity.numCols;
        double[] s = similarity.data;
        for (int cell = training.rowStart(customer); cell < training.rowEnd(customer); cell++) {
            double a = affinity[cell];
            int offset = training.product(cell) * n;
            for (int j = 0; j < n; j++) {
                scores[j] += a * s[offset + j];
            }
        }
    }

    @Override
    public String explain(int customer, int product) {
        return ItemBasedReason.strongestHeldProduct(training, customer, cell -> affinity[cell]
                * similarity.get(training.product(cell), product));
    }
}
