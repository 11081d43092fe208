package org.retailcx.personalization.model.stats;

/**
 * A Bayesian comparison on the effect.
 *
 * @param expected      posterior mean of the effect
 * @param ciLower       lower bound of the central credible interval
 * @param ciUpper       upper bound of the central credible interval
 * @param chanceToWin   posterior probability that the effect is positive
 * @param riskControl   expected loss of keeping the control: E[max(effect, 0)]
 * @param riskTreatment expected loss of shipping the treatment: E[max(−effect, 0)]
 */
public record BayesianResult(double expected, double ciLower, double ciUpper, double chanceToWin,
                             double riskControl, double riskTreatment) {
}
