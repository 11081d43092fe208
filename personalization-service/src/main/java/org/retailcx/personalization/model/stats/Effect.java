package org.retailcx.personalization.model.stats;

/**
 * The point estimate of a treatment effect and the variance of that estimate.
 *
 * <p>Relative: for r = μ_t/μ_c − 1 the delta method gives Var(r) ≈ σ_t²/(μ_c² n_t) + σ_c² μ_t²/(μ_c⁴ n_c).
 */
record Effect(double estimate, double variance) {

    static Effect of(MetricStatistic control, MetricStatistic treatment, EffectType type) {
        double controlMean = control.mean();
        double treatmentMean = treatment.mean();
        if (type == EffectType.ABSOLUTE) {
            return new Effect(treatmentMean - controlMean,
                    control.variance() / control.n() + treatment.variance() / treatment.n());
        }
        if (controlMean == 0) {
            throw new IllegalArgumentException("control: a relative effect needs a non-zero control mean");
        }
        double controlSquared = controlMean * controlMean;
        double variance = treatment.variance() / (controlSquared * treatment.n())
                + control.variance() * treatmentMean * treatmentMean / (controlSquared * controlSquared * control.n());
        return new Effect(treatmentMean / controlMean - 1, variance);
    }

    double standardError() {
        return Math.sqrt(variance);
    }

    /** Welch–Satterthwaite degrees of freedom of the two arms' variances. */
    static double welchDegreesOfFreedom(MetricStatistic control, MetricStatistic treatment) {
        double c = control.variance() / control.n();
        double t = treatment.variance() / treatment.n();
        return (c + t) * (c + t) / (c * c / (control.n() - 1) + t * t / (treatment.n() - 1));
    }
}
