package org.retailcx.personalization.model.stats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailcx.personalization.model.stats.Figures.assertFigure;

import org.junit.jupiter.api.Test;

/** The gbstats reference figures listed in the shared data README, section "Experiment statistics", to 5 decimals. */
class GbstatsReferenceFiguresTest {

    private static final double ALPHA = 0.05;
    private static final SampleMean CONTROL = new SampleMean(1396.87, 52377.9767, 3407);
    private static final SampleMean TREATMENT = new SampleMean(2422.7, 134698.29, 3461);

    @Test
    void welchRelativeLiftUsesTheDeltaMethod() {
        FrequentistResult result = WelchTTest.compare(CONTROL, TREATMENT, EffectType.RELATIVE, ALPHA);
        assertFigure(0.70732, result.estimate(), "relative lift");
        assertFigure(-0.03526, result.ciLower(), "CI lower");
        assertFigure(1.44989, result.ciUpper(), "CI upper");
        assertFigure(0.06191, result.pValue(), "p-value");
        assertFalse(result.significant(ALPHA));
    }

    @Test
    void welchAbsoluteDifference() {
        FrequentistResult result = WelchTTest.compare(CONTROL, TREATMENT, EffectType.ABSOLUTE, ALPHA);
        assertFigure(0.29, result.estimate(), "difference");
        assertFigure(0.04538, result.ciLower(), "CI lower");
        assertFigure(0.53462, result.ciUpper(), "CI upper");
        assertFigure(0.02016, result.pValue(), "p-value");
        assertTrue(result.significant(ALPHA));
    }

    @Test
    void welchOnProportions() {
        FrequentistResult result = WelchTTest.compare(new Proportion(14, 28), new Proportion(16, 30),
                EffectType.RELATIVE, ALPHA);
        assertFigure(0.06667, result.estimate(), "relative lift");
        assertFigure(-0.47767, result.ciLower(), "CI lower");
        assertFigure(0.61101, result.ciUpper(), "CI upper");
        assertFigure(0.80707, result.pValue(), "p-value");
    }

    @Test
    void sequentialConfidenceSequence() {
        SequentialResult result = SequentialTest.compare(new SampleMean(1396.87, 52377.9767, 3000), TREATMENT,
                EffectType.RELATIVE, ALPHA, 1000);
        assertFigure(0.50336, result.estimate(), "relative lift");
        assertFigure(-0.55844, result.ciLower(), "CI lower");
        assertFigure(1.56516, result.ciUpper(), "CI upper");
        assertFalse(result.significant());
    }

    @Test
    void bayesianOnProportions() {
        BayesianResult result = BayesianGaussianTest.compare(new Proportion(49, 100), new Proportion(51, 100),
                EffectType.RELATIVE, ALPHA, GaussianPrior.FLAT);
        assertFigure(0.04082, result.expected(), "expected");
        assertFigure(-0.24779, result.ciLower(), "CI lower");
        assertFigure(0.32943, result.ciUpper(), "CI upper");
        assertFigure(0.60918, result.chanceToWin(), "chance to win");
        assertFigure(0.0814, result.riskControl(), "risk of the control");
        assertFigure(0.04058, result.riskTreatment(), "risk of the treatment");
    }

    @Test
    void bayesianOnMeans() {
        BayesianResult result = BayesianGaussianTest.compare(new SampleMean(100, 1002.25, 10),
                new SampleMean(105, 1111.5, 10), EffectType.RELATIVE, ALPHA, GaussianPrior.FLAT);
        assertFigure(0.05, result.expected(), "expected");
        assertFigure(-0.02, result.ciLower(), "CI lower");
        assertFigure(0.12, result.ciUpper(), "CI upper");
        assertFigure(0.91923, result.chanceToWin(), "chance to win");
        assertFigure(0.05131, result.riskControl(), "risk of the control");
        assertFigure(0.00131, result.riskTreatment(), "risk of the treatment");
    }

    @Test
    void sampleRatioMismatchSanityValue() {
        SrmResult result = SampleRatioMismatch.test(new long[] {5000, 5200}, new double[] {0.5, 0.5});
        assertFigure(0.04767, result.pValue(), "SRM p-value");
        assertFalse(result.mismatch(), "p 0.048 is far above the 0.001 alert level");
    }
}
