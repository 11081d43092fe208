package org.retailcx.personalization.model.stats;

/**
 * Asymptotic confidence sequences (Waudby-Smith et al. 2021, arXiv 2103.06476) as gbstats applies them: with N
 * units in both arms, σ² = N·Var(estimate) and ρ² = (−2 ln α + ln(1 − 2 ln α)) / τ, the half-width is
 * σ·√(2(Nρ² + 1)/(N²ρ²) · ln(√(Nρ² + 1)/α)). The tuning parameter τ is the sample size at which the sequence is
 * tightest; gbstats defaults to 5,000.
 */
public final class SequentialTest {

    public static final double DEFAULT_TUNING = 5000;

    private SequentialTest() {
    }

    public static SequentialResult compare(MetricStatistic control, MetricStatistic treatment, EffectType type,
                                           double alpha, double tuning) {
        Effect effect = Effect.of(control, treatment, type);
        double units = control.n() + treatment.n();
        double rhoSquared = (-2 * Math.log(alpha) + Math.log(1 - 2 * Math.log(alpha))) / tuning;
        double sigma = Math.sqrt(effect.variance() * units);
        double nRho = units * rhoSquared;
        double halfWidth = sigma * Math.sqrt(2 * (nRho + 1) / (units * units * rhoSquared)
                * Math.log(Math.sqrt(nRho + 1) / alpha));
        return new SequentialResult(effect.estimate(), effect.estimate() - halfWidth, effect.estimate() + halfWidth);
    }
}
