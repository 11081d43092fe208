package org.retailcx.clv.model;

/**
 * A customer's expectations over a {@link Horizon}, in the currency of the spend model.
 *
 * @param horizon           the horizon
 * @param periods           its length in model periods (weeks)
 * @param expectedPurchases E[repeat purchase days in the horizon | x, t_x, T] (BG/NBD, FHL 2005 eq. 10)
 * @param probabilityAlive  P(alive) at the end of calibration
 * @param expectedSpend     expected spend per purchase (Gamma-Gamma, before margin)
 * @param value             discounted margin over the horizon
 */
public record HorizonEstimate(Horizon horizon, double periods, double expectedPurchases, double probabilityAlive,
        double expectedSpend, double value) {
}
