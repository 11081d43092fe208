package org.retailcx.recommendation.model;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * What ALS and BPR share once fitted: customer factors X (customers × k), product factors Y (products × k), optional
 * product biases; score(u, j) = x_u · y_j + b_j. Reasons name the held product closest to the recommended one in
 * factor space.
 */
abstract sealed class LatentFactorRecommender implements Recommender, ProductSimilarity permits AlsRecommender, BprRecommender {

    protected final InteractionMatrix training;
    protected final DMatrixRMaj customerFactors;
    protected final DMatrixRMaj productFactors;
    protected final double[] productBias;

    protected LatentFactorRecommender(InteractionMatrix training, int factors, boolean withBias, double initialScale,
            long seed) {
        this.training = training;
        SplittableRandom random = new SplittableRandom(seed);
        this.customerFactors = gaussian(training.customerCount(), factors, initialScale, random);
        this.productFactors = gaussian(training.productCount(), factors, initialScale, random);
        this.productBias = withBias ? new double[training.productCount()] : null;
    }

    private static DMatrixRMaj gaussian(int rows, int columns, double scale, SplittableRandom random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, columns);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = scale * random.nextGaussian();
        }
        return m;
    }

    public int factors() {
        return customerFactors.numCols;
    }

    public double[] customerFactor(int customer) {
        return row(customerFactors, customer);
    }

    public double[] productFactor(int product) {
        return row(productFactors, product);
    }

    private static double[] row(DMatrixRMaj m, int row) {
        double[] copy = new double[m.numCols];
        System.arraycopy(m.data, row * m.numCols, copy, 0, m.numCols);
        return copy;
    }

    /** Cosine of two products' factor vectors: the model's product-to-product similarity. */
    public double productSimilarity(int a, int b) {
        int k = productFactors.numCols;
        double[] y = productFactors.data;
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int f = 0; f < k; f++) {
            double ya = y[a * k + f];
            double yb = y[b * k + f];
            dot += ya * yb;
            na += ya * ya;
            nb += yb * yb;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    @Override
    public InteractionMatrix training() {
        return training;
    }

    @Override
    public void scoreAll(int customer, double[] scores) {
        DMatrixRMaj x = DMatrixRMaj.wrap(factors(), 1, customerFactor(customer));
        CommonOps_DDRM.mult(productFactors, x, DMatrixRMaj.wrap(scores.length, 1, scores));
        if (productBias != null) {
            for (int p = 0; p < scores.length; p++) {
                scores[p] += productBias[p];
            }
        }
    }

    @Override
    public String explain(int customer, int product) {
        return ItemBasedReason.strongestHeldProduct(training, customer,
                cell -> productSimilarity(training.product(cell), product));
    }
}
