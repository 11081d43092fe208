package org.retailcx.recommendation.model;

/** One ranked product for one customer, with the short reason shown to the customer or adviser. */
public record Recommendation(int rank, String productId, double score, Algorithm algorithm, String reason) {
}
