package org.retailcx.personalization.model.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Over many A/A experiments (both arms converting at the same rate, one seed each) the relative test at α 0.05 calls
 * about 5 % of them significant: the count stays within 4 binomial standard deviations of α·runs, and the SRM alert
 * (p < 0.001) fires on at most a handful of the correctly split ones.
 */
class AaFalsePositiveRateTest {

    private static final int RUNS = 1000;
    private static final double ALPHA = 0.05;

    @Test
    void falsePositiveRateIsWithinABinomialBoundOfAlpha() {
        int significant = 0;
        int srm = 0;
        for (int seed = 0; seed < RUNS; seed++) {
            Random random = new Random(seed);
            long[] units = new long[2];
            long[] conversions = new long[2];
            for (int i = 0; i < 2000; i++) {
                int arm = random.nextBoolean() ? 1 : 0;
                units[arm]++;
                if (random.nextDouble() < 0.10) {
                    conversions[arm]++;
                }
            }
            List<ExperimentAnalysis.Arm> arms = new ArrayList<>();
            for (int a = 0; a < 2; a++) {
                arms.add(new ExperimentAnalysis.Arm(a == 0 ? "control" : "treatment", units[a], conversions[a],
                        conversions[a], 0, 0, 0, 0));
            }
            ExperimentAnalysis.Results r = ExperimentAnalysis.analyse(units, new double[] { 0.5, 0.5 },
                    List.of(new ExperimentAnalysis.Metric("conversion", true, arms)), ALPHA);
            if (r.comparisons().get(0).relative().pValue() < ALPHA) {
                significant++;
            }
            if (r.sampleRatioMismatch()) {
                srm++;
            }
        }
        double expected = RUNS * ALPHA;
        double bound = 4 * Math.sqrt(RUNS * ALPHA * (1 - ALPHA));
        int found = significant;
        assertTrue(Math.abs(found - expected) <= bound,
                () -> found + " of " + RUNS + " A/A tests significant, expected " + expected + " ± " + bound);
        assertTrue(srm <= 5, srm + " SRM alerts on " + RUNS + " fair 50/50 splits (expected about 1)");
    }
}
