package org.retailcx.recommendation.model;

/** The baseline: every customer gets the products with the most distinct customers in the training data. */
public final class PopularityRecommender implements Recommender {

    /** No hyper-parameters. */
    public record Parameters() implements TrainingSpec {
        @Override
        public Algorithm algorithm() {
            return Algorithm.POPULARITY;
        }

        @Override
        public Recommender fit(InteractionMatrix training) {
            return new PopularityRecommender(training);
        }
    }

    private final InteractionMatrix training;
    private final int[] customersPerProduct;

    private PopularityRecommender(InteractionMatrix training) {
        this.training = training;
        this.customersPerProduct = training.customersPerProduct();
    }

    static String reason(int customers) {
        return String.format(java.util.Locale.ROOT, "popular: chosen by %,d customers", customers);
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.POPULARITY;
    }

    @Override
    public InteractionMatrix training() {
        return training;
    }

    @Override
    public void scoreAll(int customer, double[] scores) {
        for (int p = 0; p < scores.length; p++) {
            scores[p] = customersPerProduct[p];
        }
    }

    @Override
    public String explain(int customer, int product) {
        return reason(customersPerProduct[product]);
    }
}
