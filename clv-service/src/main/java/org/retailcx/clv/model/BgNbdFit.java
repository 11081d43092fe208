package org.retailcx.clv.model;

/**
 * A fitted BG/NBD model with its fit diagnostics.
 *
 * @param model         the model at the maximum-likelihood parameters
 * @param logLikelihood total log-likelihood at those parameters
 * @param customers     number of customers fitted
 * @param evaluations   likelihood evaluations the optimiser used
 */
public record BgNbdFit(BgNbdModel model, double logLikelihood, int customers, int evaluations) {

    public BgNbdParameters parameters() {
        return model.parameters();
    }
}
