package org.retailcx.recommendation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A fitted recommendation model. Obtain one with {@link TrainingSpec#fit(InteractionMatrix)}: the spec names the
 * algorithm and its hyper-parameters, the matrix is the training data. Customers and products are the training
 * matrix's indices; the id-based {@link #recommend(String, int, Set)} also answers customers it has never seen.
 * Implementations are immutable after fitting and safe to share between threads.
 */
public interface Recommender {

    Algorithm algorithm();

    /** The interactions the model was fitted on; its products are the ones it can recommend. */
    InteractionMatrix training();

    /** Writes the score of every product for the customer into {@code scores} (length = product count). */
    void scoreAll(int customer, double[] scores);

    /** A short reason, for the customer or an adviser, why the product suits the customer. */
    String explain(int customer, int product);

    default double score(int customer, int product) {
        double[] scores = new double[training().productCount()];
        scoreAll(customer, scores);
        return scores[product];
    }

    /** The k best products the customer has not interacted with and that {@code eligible} accepts, best first. */
    default int[] topProducts(int customer, int k, IntPredicate eligible) {
        return TopK.select(unseenScores(customer), k, eligible);
    }

    default List<Recommendation> recommend(int customer, int k, IntPredicate eligible) {
        double[] scores = unseenScores(customer);
        int[] top = TopK.select(scores, k, eligible);
        List<Recommendation> ranked = new ArrayList<>(top.length);
        for (int r = 0; r < top.length; r++) {
            int p = top[r];
            ranked.add(new Recommendation(r + 1, training().products().id(p), scores[p], algorithm(),
                    explain(customer, p)));
        }
        return ranked;
    }

    /** All scores, with NaN for the products the customer already interacted with. */
    private double[] unseenScores(int customer) {
        InteractionMatrix m = training();
        double[] scores = new double[m.productCount()];
        scoreAll(customer, scores);
        for (int cell = m.rowStart(customer); cell < m.rowEnd(customer); cell++) {
            scores[m.product(cell)] = Double.NaN;
        }
        return scores;
    }

    /**
     * Recommendations by external ids. A customer the model has never seen (cold start) gets the most popular products
     * of the training data, said so in the reason; excluded product ids (already held, ineligible) never appear.
     */
    default List<Recommendation> recommend(String customerId, int k, Set<String> excludedProductIds) {
        InteractionMatrix m = training();
        IntPredicate eligible = p -> !excludedProductIds.contains(m.products().id(p));
        int customer = m.customers().indexOf(customerId);
        if (customer >= 0) {
            return recommend(customer, k, eligible);
        }
        int[] popularity = m.customersPerProduct();
        double[] scores = new double[popularity.length];
        for (int p = 0; p < scores.length; p++) {
            scores[p] = popularity[p];
        }
        int[] top = TopK.select(scores, k, eligible);
        List<Recommendation> ranked = new ArrayList<>(top.length);
        for (int r = 0; r < top.length; r++) {
            ranked.add(new Recommendation(r + 1, m.products().id(top[r]), scores[top[r]], Algorithm.POPULARITY,
                    PopularityRecommender.reason(popularity[top[r]])));
        }
        return ranked;
    }
}
