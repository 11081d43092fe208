package org.retailcx.recommendation.model;

import java.util.SplittableRandom;

/**
 * Bayesian Personalised Ranking (Rendle et al. 2009) with matrix factorisation and product biases, trained by
 * stochastic gradient ascent on ln σ(x̂_ui − x̂_uj) − λ‖Θ‖²: each step draws an observed (customer, product) pair
 * uniformly and a product the customer never touched. One epoch draws as many triples as there are pairs. A single
 * seeded generator drives initialisation and sampling, so a fit is reproducible.
 */
public final class BprRecommender extends LatentFactorRecommender {

    public record Parameters(int factors, double learningRate, double regularization, int epochs, long seed)
            implements TrainingSpec {

        public Parameters {
            if (factors < 1 || epochs < 1) {
                throw new IllegalArgumentException("factors and epochs must be positive");
            }
            if (!(learningRate > 0) || regularization < 0) {
                throw new IllegalArgumentException("learningRate must be positive and regularization non-negative");
            }
        }

        public static Parameters defaults() {
            return new Parameters(32, 0.05, 0.002, 10, 42);
        }

        @Override
        public Algorithm algorithm() {
            return Algorithm.BPR;
        }

        @Override
        public Recommender fit(InteractionMatrix training) {
            return new BprRecommender(training, this);
        }
    }

    /** Draws of a negative product before giving up on a customer who touched almost everything. */
    private static final int NEGATIVE_DRAWS = 32;

    private BprRecommender(InteractionMatrix training, Parameters parameters) {
        super(training, parameters.factors(), true, 0.1, parameters.seed());
        int cells = training.cellCount();
        int products = training.productCount();
        if (cells == 0 || products < 2) {
            return;
        }
        int[] cellCustomer = new int[cells];
        for (int c = 0; c < training.customerCount(); c++) {
            for (int cell = training.rowStart(c); cell < training.rowEnd(c); cell++) {
                cellCustomer[cell] = c;
            }
        }
        int k = parameters.factors();
        double rate = parameters.learningRate();
        double lambda = parameters.regularization();
        double[] x = customerFactors.data;
        double[] y = productFactors.data;
        double[] bias = productBias;
        SplittableRandom random = new SplittableRandom(parameters.seed() ^ 0x9E3779B97F4A7C15L);
        long steps = (long) parameters.epochs() * cells;
        for (long step = 0; step < steps; step++) {
            int cell = random.nextInt(cells);
            int u = cellCustomer[cell];
            int i = training.product(cell);
            int j = -1;
            for (int draw = 0; draw < NEGATIVE_DRAWS; draw++) {
                int candidate = random.nextInt(products);
                if (!training.hasInteracted(u, candidate)) {
                    j = candidate;
                    break;
                }
            }
            if (j < 0) {
                continue;
            }
            int xu = u * k;
            int yi = i * k;
            int yj = j * k;
            double difference = bias[i] - bias[j];
            for (int f = 0; f < k; f++) {
                difference += x[xu + f] * (y[yi + f] - y[yj + f]);
            }
            // d/dθ ln σ(d) = σ(−d) · dd/dθ
            double g = 1 / (1 + Math.exp(difference));
            for (int f = 0; f < k; f++) {
                double xuf = x[xu + f];
                double yif = y[yi + f];
                double yjf = y[yj + f];
                x[xu + f] += rate * (g * (yif - yjf) - lambda * xuf);
                y[yi + f] += rate * (g * xuf - lambda * yif);
                y[yj + f] += rate * (-g * xuf - lambda * yjf);
            }
            bias[i] += rate * (g - lambda * bias[i]);
            bias[j] += rate * (-g - lambda * bias[j]);
        }
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.BPR;
    }
}
