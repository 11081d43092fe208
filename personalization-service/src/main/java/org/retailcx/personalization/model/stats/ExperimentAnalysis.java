package org.retailcx.personalization.model.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * An experiment's results as GrowthBook reports them: the SRM check over units per variation, then per metric and
 * treatment against the control (the first arm) the frequentist tests (relative and absolute), the Bayesian one
 * (relative: chance to win, risks), the sequential interval, CUPED when every unit has a pre-period value, and
 * Holm and Benjamini–Hochberg over the family of relative p-values (metrics × treatments).
 */
public final class ExperimentAnalysis {

    private ExperimentAnalysis() {
    }

    /** One arm of one metric: its units' sums; {@code preN} of them have a pre-period value. */
    public record Arm(String variant, long n, double sum, double sumOfSquares, long preN, double sumPre,
            double sumPreSquares, double sumPostTimesPre) {
    }

    /** One metric's arms, control first; a proportion when every value is 0 or 1 by definition. */
    public record Metric(String name, boolean proportion, List<Arm> arms) {
    }

    public record Comparison(String metric, String variant, boolean cuped, double controlMean, double variantMean,
            FrequentistResult relative, FrequentistResult absolute, BayesianResult bayesian,
            SequentialResult sequential, double holmPValue, double benjaminiHochbergPValue) {
    }

    /** {@code sampleRatioMismatch}: the SRM p-value is below {@link SrmResult#ALERT_P_VALUE}; do not trust the rest. */
    public record Results(long[] units, SrmResult srm, boolean sampleRatioMismatch, List<Comparison> comparisons,
            List<String> notAnalysed) {
    }

    public static Results analyse(long[] units, double[] weights, List<Metric> metrics, double alpha) {
        SrmResult srm = SampleRatioMismatch.test(units, weights);
        List<Comparison> comparisons = new ArrayList<>();
        List<String> notAnalysed = new ArrayList<>();
        for (Metric metric : metrics) {
            List<Arm> arms = metric.arms();
            boolean cuped = arms.stream().allMatch(a -> a.n() >= 2 && a.preN() == a.n());
            List<MetricStatistic> statistics = statistics(metric, cuped);
            for (int i = 1; i < arms.size(); i++) {
                MetricStatistic control = statistics.get(0);
                MetricStatistic treatment = statistics.get(i);
                if (control == null || treatment == null || control.mean() == 0
                        || control.variance() + treatment.variance() == 0) {
                    notAnalysed.add(metric.name() + "/" + arms.get(i).variant());
                    continue;
                }
                comparisons.add(new Comparison(metric.name(), arms.get(i).variant(), cuped, control.mean(),
                        treatment.mean(), WelchTTest.compare(control, treatment, EffectType.RELATIVE, alpha),
                        WelchTTest.compare(control, treatment, EffectType.ABSOLUTE, alpha),
                        BayesianGaussianTest.compare(control, treatment, EffectType.RELATIVE, alpha,
                                GaussianPrior.FLAT),
                        SequentialTest.compare(control, treatment, EffectType.RELATIVE, alpha,
                                SequentialTest.DEFAULT_TUNING), Double.NaN, Double.NaN));
            }
        }
        double[] p = comparisons.stream().mapToDouble(c -> c.relative().pValue()).toArray();
        double[] holm = MultipleComparisons.holm(p);
        double[] bh = MultipleComparisons.benjaminiHochberg(p);
        List<Comparison> adjusted = new ArrayList<>(comparisons.size());
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            adjusted.add(new Comparison(c.metric(), c.variant(), c.cuped(), c.controlMean(), c.variantMean(),
                    c.relative(), c.absolute(), c.bayesian(), c.sequential(), holm[i], bh[i]));
        }
        return new Results(units, srm, srm.mismatch(), adjusted, notAnalysed);
    }

    /** Per arm the statistic tested (null when the arm has too few units). */
    private static List<MetricStatistic> statistics(Metric metric, boolean cuped) {
        List<MetricStatistic> out = new ArrayList<>();
        if (cuped) {
            List<CupedArm> arms = metric.arms().stream().map(a -> new CupedArm(a.n(), a.sum(), a.sumOfSquares(),
                    a.sumPre(), a.sumPreSquares(), a.sumPostTimesPre())).toList();
            out.addAll(Cuped.adjust(arms));
            return out;
        }
        for (Arm a : metric.arms()) {
            if (metric.proportion()) {
                out.add(a.n() < 1 ? null : new Proportion(Math.round(a.sum()), a.n()));
            } else {
                out.add(a.n() < 2 ? null : new SampleMean(a.sum(), a.sumOfSquares(), a.n()));
            }
        }
        return out;
    }
}
