package org.retailcx.personalization.model.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-computed small cases. */
class MonitoringMetricsTest {

    private static final double[] P = {0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2, 0.1, 0.05};
    private static final boolean[] Y = {true, true, false, true, false, true, false, false, false, false};

    @Test
    void confusionMetricsAtHalf() {
        // predicted positive: 0.9 T, 0.8 T, 0.7 F, 0.6 T, 0.55 F → TP 3, FP 2; negatives: 0.4 T → FN 1, TN 4
        ConfusionMetrics m = ConfusionMetrics.at(P, Y, 0.5);
        assertEquals(new ConfusionMetrics(3, 2, 4, 1), m);
        assertEquals(0.7, m.accuracy(), 1e-12);
        assertEquals(0.6, m.precision(), 1e-12);
        assertEquals(0.75, m.recall(), 1e-12);
        assertEquals(2 * 0.6 * 0.75 / (0.6 + 0.75), m.f1(), 1e-12);
        assertEquals(0, ConfusionMetrics.at(P, Y, 0.95).precision(), "no positive predictions");
    }

    @Test
    void aucCountsPairsAndHalvesTies() {
        // positives 0.9, 0.8, 0.6, 0.4 vs 6 negatives: pairs won 6 + 6 + 5 + 4 = 21 of 24
        assertEquals(21.0 / 24, ProbabilityMetrics.auc(P, Y), 1e-12);
        // a positive and a negative tied at 0.5: that pair counts one half → (1 + 0.5 + 1 + 1) / 4
        double[] tied = {0.5, 0.5, 0.9, 0.1};
        boolean[] outcome = {true, false, true, false};
        assertEquals(3.5 / 4, ProbabilityMetrics.auc(tied, outcome), 1e-12);
        assertTrue(Double.isNaN(ProbabilityMetrics.auc(new double[] {0.2, 0.3}, new boolean[] {true, true})));
    }

    @Test
    void logLossClipsCertainMistakes() {
        double expected = -(Math.log(0.8) + Math.log(1 - 0.3)) / 2;
        assertEquals(expected, ProbabilityMetrics.logLoss(new double[] {0.8, 0.3}, new boolean[] {true, false}),
                1e-12);
        assertEquals(-Math.log(1e-15), ProbabilityMetrics.logLoss(new double[] {0}, new boolean[] {true}), 1e-6);
    }

    @Test
    void calibrationByDecileOfPrediction() {
        // 12 predictions: deciles 1 and 2 get two each (12 mod 10 = 2), the other eight one each
        double[] p = {0.05, 0.1, 0.15, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.95};
        boolean[] y = {false, false, true, false, false, true, false, true, true, false, true, true};
        List<ProbabilityMetrics.CalibrationBin> bins = ProbabilityMetrics.calibrationByDecile(p, y);
        assertEquals(10, bins.size());
        assertEquals(2, bins.get(0).count());
        assertEquals(0.075, bins.get(0).meanPredicted(), 1e-12);
        assertEquals(0, bins.get(0).observedRate(), 1e-12);
        assertEquals(2, bins.get(1).count());
        assertEquals(0.175, bins.get(1).meanPredicted(), 1e-12);
        assertEquals(0.5, bins.get(1).observedRate(), 1e-12);
        assertEquals(10, bins.get(9).decile());
        assertEquals(1, bins.get(9).count());
        assertEquals(0.95, bins.get(9).meanPredicted(), 1e-12);
        assertEquals(1, bins.get(9).observedRate(), 1e-12);
    }

    @Test
    void latencyPercentilesByNearestRank() {
        LatencyPercentiles latencies = new LatencyPercentiles(new double[] {15, 20, 35, 40, 50});
        // Wikipedia's nearest-rank example: p30 → rank ⌈1.5⌉ = 2 → 20; p40 → rank 2 → 20; p50 → 35; p100 → 50
        assertEquals(20, latencies.percentile(30));
        assertEquals(20, latencies.percentile(40));
        assertEquals(35, latencies.percentile(50));
        assertEquals(50, latencies.percentile(100));
        assertEquals(15, latencies.percentile(0));
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i;
        }
        assertEquals(99, new LatencyPercentiles(hundred).percentile(99));
    }
}
