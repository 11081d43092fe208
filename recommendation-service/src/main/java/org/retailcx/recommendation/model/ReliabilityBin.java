package org.retailcx.recommendation.model;

/** One group of equally many predictions ranked by score (1 = lowest): mean predicted probability vs observed rate. */
public record ReliabilityBin(int rank, int count, double meanPredicted, double observedRate) {
}
