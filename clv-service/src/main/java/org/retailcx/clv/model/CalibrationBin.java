package org.retailcx.clv.model;

/**
 * One group of customers ranked by prediction (1 = lowest predictions), with mean predicted and mean actual.
 */
public record CalibrationBin(int rank, int customers, double meanPredicted, double meanActual) {
}
