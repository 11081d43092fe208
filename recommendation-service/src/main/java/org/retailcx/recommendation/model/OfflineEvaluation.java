package org.retailcx.recommendation.model;

import java.util.function.IntFunction;

import org.ejml.data.DMatrixRMaj;

/**
 * The offline protocol of Microsoft Recommenders' public tables, on a {@link TrainTestSplit}: every test pair is
 * relevant (binary gains, no rating threshold), products seen in training are never recommended, top-k per customer.
 * <ul>
 * <li>Precision@k = hits / k, Recall@k = hits / relevant, per customer, averaged.</li>
 * <li>nDCG@k: DCG = Σ over hits of 1 / log2(1 + rank), divided by the ideal DCG of min(k, relevant) hits. (Recommenders
 * defaults to the natural log; the base cancels in the ratio.)</li>
 * <li>MAP: Σ over hits of (hits so far / rank), divided by the number of relevant products; MAP@k divides by
 * min(k, relevant) instead.</li>
 * <li>Catalogue coverage: distinct recommended products / distinct products in training.</li>
 * <li>Diversity: per customer 1 − the mean, over pairs of recommended products, of the co-occurrence cosine
 * c_ij / √(c_i c_j) in training (0 for pairs never seen together); averaged over customers with at least 2
 * recommendations.</li>
 * <li>Novelty: mean over all recommendations of −log2(pairs of the product / all pairs in training); products without
 * training pairs add nothing but count in the mean, as in Recommenders.</li>
 * </ul>
 */
public final class OfflineEvaluation {

    private OfflineEvaluation() {
    }

    public static RankingMetrics evaluate(Recommender model, TrainTestSplit split, int k) {
        return evaluate(k, split.train(), split.test(), c -> model.topProducts(c, k, p -> true));
    }

    /**
     * The metrics for any source of ranked lists: {@code recommendations} gives, for a customer index, its products
     * best first (at most k, none seen in training).
     */
    public static RankingMetrics evaluate(int k, InteractionMatrix train, InteractionMatrix test,
            IntFunction<int[]> recommendations) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        int products = train.productCount();
        DMatrixRMaj cooccurrence = ItemCooccurrence.counts(train);
        int[] pairsPerProduct = train.customersPerProduct();
        int trainingPairs = train.cellCount();
        boolean[] relevant = new boolean[products];
        boolean[] recommendedAtAll = new boolean[products];
        int customers = 0;
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        double map = 0;
        double mapAtK = 0;
        double noveltySum = 0;
        long recommendationCount = 0;
        double diversitySum = 0;
        int diverseLists = 0;
        for (int c = 0; c < test.customerCount(); c++) {
            int actual = test.rowLength(c);
            if (actual == 0) {
                continue;
            }
            customers++;
            for (int cell = test.rowStart(c); cell < test.rowEnd(c); cell++) {
                relevant[test.product(cell)] = true;
            }
            int[] ranked = recommendations.apply(c);
            int hits = 0;
            double dcg = 0;
            double precisionSum = 0;
            for (int r = 0; r < Math.min(k, ranked.length); r++) {
                int p = ranked[r];
                recommendedAtAll[p] = true;
                recommendationCount++;
                if (pairsPerProduct[p] > 0) {
                    noveltySum += -log2((double) pairsPerProduct[p] / trainingPairs);
                }
                if (relevant[p]) {
                    hits++;
                    dcg += 1 / log2(r + 2);
                    precisionSum += (double) hits / (r + 1);
                }
            }
            double idcg = 0;
            for (int r = 0; r < Math.min(k, actual); r++) {
                idcg += 1 / log2(r + 2);
            }
            precision += (double) hits / k;
            recall += (double) hits / actual;
            ndcg += dcg / idcg;
            map += precisionSum / actual;
            mapAtK += precisionSum / Math.min(k, actual);
            if (Math.min(k, ranked.length) >= 2) {
                diversitySum += 1 - meanPairSimilarity(ranked, Math.min(k, ranked.length), cooccurrence);
                diverseLists++;
            }
            for (int cell = test.rowStart(c); cell < test.rowEnd(c); cell++) {
                relevant[test.product(cell)] = false;
            }
        }
        int distinctRecommended = 0;
        int distinctTrained = 0;
        for (int p = 0; p < products; p++) {
            distinctRecommended += recommendedAtAll[p] ? 1 : 0;
            distinctTrained += pairsPerProduct[p] > 0 ? 1 : 0;
        }
        double n = Math.max(customers, 1);
        return new RankingMetrics(k, customers, precision / n, recall / n, ndcg / n, map / n, mapAtK / n,
                distinctTrained == 0 ? 0 : (double) distinctRecommended / distinctTrained,
                diverseLists == 0 ? 0 : diversitySum / diverseLists,
                recommendationCount == 0 ? 0 : noveltySum / recommendationCount);
    }

    private static double meanPairSimilarity(int[] ranked, int length, DMatrixRMaj cooccurrence) {
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < length; a++) {
            for (int b = a + 1; b < length; b++) {
                int i = ranked[a];
                int j = ranked[b];
                double both = cooccurrence.unsafe_get(i, j);
                if (both > 0) {
                    sum += both / Math.sqrt(cooccurrence.unsafe_get(i, i) * cooccurrence.unsafe_get(j, j));
                }
                pairs++;
            }
        }
        return sum / pairs;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
