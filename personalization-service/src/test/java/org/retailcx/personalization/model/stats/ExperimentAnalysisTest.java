package org.retailcx.personalization.model.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The analysis reports gbstats' reference figures for its arms and corrects over the family it tested. */
class ExperimentAnalysisTest {

    @Test
    void aMeanMetricGivesGbstatsRelativeFiguresAndAZeroControlIsNotAnalysed() {
        var control = new ExperimentAnalysis.Arm("control", 3407, 1396.87, 52377.9767, 0, 0, 0, 0);
        var treatment = new ExperimentAnalysis.Arm("treatment", 3461, 2422.7, 134698.29, 0, 0, 0, 0);
        var none = new ExperimentAnalysis.Arm("control", 3407, 0, 0, 0, 0, 0, 0);
        var results = ExperimentAnalysis.analyse(new long[] { 3407, 3461 }, new double[] { 0.5, 0.5 },
                List.of(new ExperimentAnalysis.Metric("revenue", false, List.of(control, treatment)),
                        new ExperimentAnalysis.Metric("empty", false, List.of(none, treatment))), 0.05);
        var c = results.comparisons().get(0);
        assertEquals(0.70732, c.relative().estimate(), 5e-6);
        assertEquals(0.06191, c.relative().pValue(), 5e-6);
        assertFalse(c.cuped());
        assertEquals(List.of("empty/treatment"), results.notAnalysed());
        // a family of one: the corrections leave the p-value as it is
        assertEquals(c.relative().pValue(), c.holmPValue(), 1e-12);
        assertEquals(c.relative().pValue(), c.benjaminiHochbergPValue(), 1e-12);
        assertFalse(results.sampleRatioMismatch());
        assertEquals(SampleRatioMismatch.test(new long[] { 3407, 3461 }, new double[] { 0.5, 0.5 }).pValue(),
                results.srm().pValue(), 1e-15);
    }
}
