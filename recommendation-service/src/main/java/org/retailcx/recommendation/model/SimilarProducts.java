package org.retailcx.recommendation.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;

/**
 * Each product's k most similar products under a fitted model, with the number of customers who interacted with
 * both (what explains the pair). A model without a product similarity of its own (popularity, content-based, hybrid)
 * is described by the Jaccard similarity of the training co-occurrence. Pairs of similarity ≤ 0 are left out.
 */
public final class SimilarProducts {

    public record Neighbour(int rank, String productId, double similarity, int sharedCustomers) {
    }

    private SimilarProducts() {
    }

    public static Map<String, List<Neighbour>> of(Recommender model, int k) {
        InteractionMatrix m = model.training();
        DMatrixRMaj counts = ItemCooccurrence.counts(m);
        int n = m.productCount();
        ProductSimilarity similarity = model instanceof ProductSimilarity own ? own : (a, b) -> {
            double both = counts.unsafe_get(a, b);
            double either = counts.unsafe_get(a, a) + counts.unsafe_get(b, b) - both;
            return either == 0 ? 0 : both / either;
        };
        Map<String, List<Neighbour>> byProduct = new LinkedHashMap<>();
        double[] scores = new double[n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double s = q == p ? Double.NaN : similarity.productSimilarity(p, q);
                scores[q] = s > 0 ? s : Double.NaN;
            }
            int[] top = TopK.select(scores, k, q -> true);
            List<Neighbour> neighbours = new ArrayList<>(top.length);
            for (int r = 0; r < top.length; r++) {
                neighbours.add(new Neighbour(r + 1, m.products().id(top[r]), scores[top[r]],
                        (int) counts.unsafe_get(p, top[r])));
            }
            byProduct.put(m.products().id(p), neighbours);
        }
        return byProduct;
    }
}
