package org.retailcx.personalization.model.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * gbstats' effect-based Bayesian test: the effect estimate (relative by the delta method, or absolute) is treated
 * as normal with its sampling variance, combined with a normal prior (flat by default), and the posterior gives the
 * credible interval, the chance to win and both risks in closed form.
 */
public final class BayesianGaussianTest {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private BayesianGaussianTest() {
    }

    public static BayesianResult compare(MetricStatistic control, MetricStatistic treatment, EffectType type,
                                         double alpha, GaussianPrior prior) {
        Effect effect = Effect.of(control, treatment, type);
        double mean = effect.estimate();
        double variance = effect.variance();
        if (!prior.flat()) {
            double precision = 1 / variance + 1 / prior.variance();
            mean = (effect.estimate() / variance + prior.mean() / prior.variance()) / precision;
            variance = 1 / precision;
        }
        double sd = Math.sqrt(variance);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        double standardised = mean / sd;
        double chanceToWin = STANDARD_NORMAL.cumulativeProbability(standardised);
        // E[max(X, 0)] for X ~ N(mean, sd²) is mean·Φ(mean/sd) + sd·φ(mean/sd); the mirror image for max(−X, 0)
        double density = sd * STANDARD_NORMAL.density(standardised);
        double riskControl = mean * chanceToWin + density;
        double riskTreatment = -mean * (1 - chanceToWin) + density;
        return new BayesianResult(mean, mean - z * sd, mean + z * sd, chanceToWin, riskControl, riskTreatment);
    }
}
