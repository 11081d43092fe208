package org.retailcx.recommendation.model;

/**
 * Offline figures of one model on one split, defined as Microsoft Recommenders' {@code python_evaluation}:
 * averages over the customers that have test pairs; {@code map} is Recommenders' {@code map} (normalised by the number
 * of relevant items: the MAP of its published tables), {@code mapAtK} its {@code map_at_k} (normalised by
 * min(k, relevant)); coverage, diversity and novelty describe the recommendation lists against the training data.
 */
public record RankingMetrics(int k, int customers, double precisionAtK, double recallAtK, double ndcgAtK, double map,
        double mapAtK, double catalogueCoverage, double diversity, double novelty) {
}
