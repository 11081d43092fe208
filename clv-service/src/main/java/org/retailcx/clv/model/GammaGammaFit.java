package org.retailcx.clv.model;

/**
 * A fitted Gamma-Gamma model with its fit diagnostics.
 *
 * @param model         the model at the maximum-likelihood parameters
 * @param logLikelihood total log-likelihood of the repeat customers' mean spends
 * @param customers     number of repeat customers fitted (frequency &gt;= 1)
 * @param evaluations   likelihood evaluations the optimiser used
 */
public record GammaGammaFit(GammaGammaModel model, double logLikelihood, int customers, int evaluations) {

    public GammaGammaParameters parameters() {
        return model.parameters();
    }
}
