package org.retailcx.personalization.model.stats;

import org.hipparchus.distribution.continuous.TDistribution;

/** Two-sided Welch t-test of a treatment against the control (gbstats' {@code TwoSidedTTest}). */
public final class WelchTTest {

    private WelchTTest() {
    }

    public static FrequentistResult compare(MetricStatistic control, MetricStatistic treatment, EffectType type,
                                            double alpha) {
        Effect effect = Effect.of(control, treatment, type);
        double dof = Effect.welchDegreesOfFreedom(control, treatment);
        TDistribution t = new TDistribution(dof);
        double halfWidth = t.inverseCumulativeProbability(1 - alpha / 2) * effect.standardError();
        double statistic = effect.estimate() / effect.standardError();
        double pValue = 2 * (1 - t.cumulativeProbability(Math.abs(statistic)));
        return new FrequentistResult(effect.estimate(), effect.estimate() - halfWidth, effect.estimate() + halfWidth,
                pValue, dof);
    }
}
