package org.retailcx.recommendation.model;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

/**
 * Item-item k-nearest neighbours: cosine similarity between products' customer vectors (interaction weights, or 1
 * with {@code binary}), each product keeping only its {@code neighbours} most similar products; a customer's score for
 * product j sums the customer's values for those neighbours of j, weighted by their similarity.
 */
public final class ItemKnnRecommender implements Recommender, ProductSimilarity {

    public record Parameters(int neighbours, boolean binary) implements TrainingSpec {

        public Parameters {
            if (neighbours < 1) {
                throw new IllegalArgumentException("neighbours must be at least 1");
            }
        }

        public static Parameters defaults() {
            return new Parameters(50, false);
        }

        @Override
        public Algorithm algorithm() {
            return Algorithm.ITEM_KNN;
        }

        @Override
        public Recommender fit(InteractionMatrix training) {
            return new ItemKnnRecommender(training, this);
        }
    }

    private final InteractionMatrix training;
    private final boolean binary;
    /** neighbourSimilarity[i][j] = cos(i, j) when i is among j's nearest neighbours, else 0. */
    private final DMatrixRMaj neighbourSimilarity;

    private ItemKnnRecommender(InteractionMatrix training, Parameters parameters) {
        this.training = training;
        this.binary = parameters.binary();
        DMatrixRMaj gram = ItemCooccurrence.gram(training, this::value);
        int n = gram.numRows;
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            norm[i] = Math.sqrt(gram.get(i, i));
        }
        DMatrixRMaj cosine = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && norm[i] > 0 && norm[j] > 0) {
                    cosine.unsafe_set(i, j, gram.unsafe_get(i, j) / (norm[i] * norm[j]));
                }
            }
        }
        this.neighbourSimilarity = keepNearest(cosine, parameters.neighbours());
    }

    private static DMatrixRMaj keepNearest(DMatrixRMaj cosine, int neighbours) {
        int n = cosine.numRows;
        DMatrixRMaj kept = new DMatrixRMaj(n, n);
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                column[i] = cosine.unsafe_get(i, j);
            }
            int[] nearest = TopK.select(column, neighbours, i -> column[i] > 0);
            for (int i : nearest) {
                kept.unsafe_set(i, j, column[i]);
            }
        }
        return kept;
    }

    private double value(int cell) {
        return binary ? 1 : training.weight(cell);
    }

    /** Cosine similarity of two products when b is among a's neighbours (what the model uses), else 0. */
    public double productSimilarity(int a, int b) {
        return neighbourSimilarity.get(b, a);
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.ITEM_KNN;
    }

    @Override
    public InteractionMatrix training() {
        return training;
    }

    @Override
    public void scoreAll(int customer, double[] scores) {
        Arrays.fill(scores, 0);
        int n = neighbourSimilarity.numCols;
        double[] s = neighbourSimilarity.data;
        for (int cell = training.rowStart(customer); cell < training.rowEnd(customer); cell++) {
            double v = value(cell);
            int offset = training.product(cell) * n;
            for (int j = 0; j < n; j++) {
                scores[j] += v * s[offset + j];
            }
        }
    }

    @Override
    public String explain(int customer, int product) {
        return ItemBasedReason.strongestHeldProduct(training, customer,
                cell -> value(cell) * neighbourSimilarity.get(training.product(cell), product));
    }
}
