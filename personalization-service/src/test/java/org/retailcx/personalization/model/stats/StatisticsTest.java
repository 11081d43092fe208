package org.retailcx.personalization.model.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-computed cases for what has no published figure: priors, SRM alerts, CUPED and multiple comparisons. */
class StatisticsTest {

    @Test
    void aProperPriorShrinksTheEffectByPrecisionWeighting() {
        // means case of the reference figures: estimate 0.05, variance 0.001275625; prior N(0, 0.001275625)
        // has equal precision, so the posterior mean halves and the variance halves
        SampleMean control = new SampleMean(100, 1002.25, 10);
        SampleMean treatment = new SampleMean(105, 1111.5, 10);
        BayesianResult result = BayesianGaussianTest.compare(control, treatment, EffectType.RELATIVE, 0.05,
                new GaussianPrior(0, 0.001275625));
        assertEquals(0.025, result.expected(), 1e-12);
        double sd = Math.sqrt(0.001275625 / 2);
        assertEquals(0.025 + 1.959963984540054 * sd, result.ciUpper(), 1e-9);
    }

    @Test
    void sampleRatioMismatchAlertsOnAPlantedImbalance() {
        // 10,000 vs 10,600 at 50/50: χ² = 2·300²/10,300 = 17.4757, p ≈ 2.9e-5
        SrmResult result = SampleRatioMismatch.test(new long[] {10_000, 10_600}, new double[] {0.5, 0.5});
        assertEquals(2 * 300.0 * 300.0 / 10_300, result.chiSquare(), 1e-9);
        assertEquals(1, result.degreesOfFreedom());
        assertTrue(result.mismatch());
        SrmResult uneven = SampleRatioMismatch.test(new long[] {2000, 3000, 5000}, new double[] {0.2, 0.3, 0.5});
        assertEquals(0, uneven.chiSquare(), 1e-12);
        assertEquals(1, uneven.pValue(), 1e-12);
        assertEquals(2, uneven.degreesOfFreedom());
    }

    @Test
    void aGrossMismatchHasATinyPValueNotZero() {
        // 900 vs 500 at 50/50: χ² = 2·200²/700 = 114.29 with 1 dof, p = erfc(√(χ²/2)) ≈ 1.2e-26
        SrmResult result = SampleRatioMismatch.test(new long[] {900, 500}, new double[] {0.5, 0.5});
        double expected = org.hipparchus.special.Erf.erfc(Math.sqrt(result.chiSquare() / 2));
        assertTrue(result.pValue() > 0, "p = " + result.pValue());
        assertEquals(expected, result.pValue(), expected * 1e-6);
    }

    private static CupedArm arm(double[] post, double[] pre) {
        double sy = 0, syy = 0, sx = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < post.length; i++) {
            sy += post[i];
            syy += post[i] * post[i];
            sx += pre[i];
            sxx += pre[i] * pre[i];
            sxy += post[i] * pre[i];
        }
        return new CupedArm(post.length, sy, syy, sx, sxx, sxy);
    }

    @Test
    void cupedRemovesAllVarianceWhenPostIsALinearFunctionOfPre() {
        // y = 2x + arm shift: θ = 2 exactly and the adjusted metric has no variance left
        double[] preA = {1, 2, 3, 4};
        double[] preB = {2, 3, 5, 6};
        double[] postA = {2, 4, 6, 8};
        double[] postB = {5, 7, 11, 13};
        List<CupedArm> arms = List.of(arm(postA, preA), arm(postB, preB));
        assertEquals(2, Cuped.theta(arms), 1e-12);
        List<AdjustedMean> adjusted = Cuped.adjust(arms);
        // grand pre mean 3.25: control 5 − 2(2.5 − 3.25) = 6.5, treatment 9 − 2(4 − 3.25) = 7.5
        assertEquals(6.5, adjusted.get(0).mean(), 1e-12);
        assertEquals(7.5, adjusted.get(1).mean(), 1e-12);
        assertEquals(0, adjusted.get(0).variance(), 1e-12);
        assertEquals(0, adjusted.get(1).variance(), 1e-12);
    }

    @Test
    void cupedMatchesAdjustingEveryUnitByHand() {
        double[] preA = {10, 12, 9, 15, 11, 8};
        double[] postA = {11, 14, 8, 17, 12, 10};
        double[] preB = {9, 14, 10, 13, 12};
        double[] postB = {12, 15, 13, 15, 13};
        // θ by hand from within-arm deviations: Σ(x−x̄_arm)(y−ȳ_arm) / Σ(x−x̄_arm)² over both arms
        double theta = (crossDeviations(preA, postA) + crossDeviations(preB, postB))
                / (crossDeviations(preA, preA) + crossDeviations(preB, preB));
        double grandPre = (sum(preA) + sum(preB)) / (preA.length + preB.length);
        List<AdjustedMean> adjusted = Cuped.adjust(List.of(arm(postA, preA), arm(postB, preB)));
        assertEquals(theta, Cuped.theta(List.of(arm(postA, preA), arm(postB, preB))), 1e-12);
        double[][] posts = {postA, postB};
        double[][] pres = {preA, preB};
        for (int a = 0; a < 2; a++) {
            double[] units = new double[posts[a].length];
            for (int i = 0; i < units.length; i++) {
                units[i] = posts[a][i] - theta * (pres[a][i] - grandPre);
            }
            double mean = sum(units) / units.length;
            double variance = crossDeviations(units, units) / (units.length - 1);
            assertEquals(mean, adjusted.get(a).mean(), 1e-9, "arm " + a + " mean");
            assertEquals(variance, adjusted.get(a).variance(), 1e-9, "arm " + a + " variance");
            assertTrue(variance < crossDeviations(posts[a], posts[a]) / (units.length - 1), "variance shrinks");
        }
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    private static double crossDeviations(double[] x, double[] y) {
        double mx = sum(x) / x.length;
        double my = sum(y) / y.length;
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            total += (x[i] - mx) * (y[i] - my);
        }
        return total;
    }

    @Test
    void holmStepsDownAndStaysMonotone() {
        // sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → raised to 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
                MultipleComparisons.holm(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
        assertArrayEquals(new double[] {1, 1}, MultipleComparisons.holm(new double[] {0.6, 0.7}), 1e-12);
    }

    @Test
    void benjaminiHochbergStepsUp() {
        // sorted p·m/rank: 0.02, 0.02, 0.04, 0.04, then the running minimum from the largest down
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02},
                MultipleComparisons.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
        assertArrayEquals(new double[] {0.09, 0.09, 0.09},
                MultipleComparisons.benjaminiHochberg(new double[] {0.09, 0.06, 0.03}), 1e-12);
    }

    @Test
    void aRelativeEffectNeedsANonZeroControl() {
        assertThrows(IllegalArgumentException.class, () -> WelchTTest.compare(new Proportion(0, 10),
                new Proportion(3, 10), EffectType.RELATIVE, 0.05));
    }
}
