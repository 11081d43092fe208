package org.retailcx.recommendation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void handWorkedBinsErrorAndBrierScore() {
        // Given out of order: the bins follow the rank of the prediction, not the input order.
        double[] predicted = {0.9, 0.1, 0.6, 0.2, 0.4};
        boolean[] outcome = {true, false, false, false, true};
        Calibration.Report report = Calibration.reliability(predicted, outcome, 2);
        // 5 predictions in 2 bins: the first holds 3 (0.1, 0.2, 0.4), the second 2 (0.6, 0.9).
        assertEquals(List.of(new ReliabilityBin(1, 3, (0.1 + 0.2 + 0.4) / 3, 1 / 3.0),
                new ReliabilityBin(2, 2, (0.6 + 0.9) / 2, 1 / 2.0)), report.bins());
        double ece = (3 * Math.abs(0.7 / 3 - 1 / 3.0) + 2 * Math.abs(0.75 - 0.5)) / 5;
        assertEquals(ece, report.expectedCalibrationError(), 1e-12);
        double brier = (0.01 + 0.01 + 0.36 + 0.04 + 0.36) / 5;
        assertEquals(brier, report.brierScore(), 1e-12);
    }

    @Test
    void probabilitiesDrawnFromThemselvesAreCalibratedByDecile() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 100_000;
        double[] predicted = new double[n];
        boolean[] calibrated = new boolean[n];
        boolean[] overconfident = new boolean[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = random.nextDouble();
            calibrated[i] = random.nextDouble() < predicted[i];
            overconfident[i] = random.nextDouble() < 0.5 * predicted[i] + 0.25; // truth is flatter than the score
        }
        Calibration.Report good = Calibration.byDecile(predicted, calibrated);
        assertEquals(10, good.bins().size());
        for (ReliabilityBin bin : good.bins()) {
            assertEquals(n / 10, bin.count());
            assertEquals(bin.meanPredicted(), bin.observedRate(), 0.015, "decile " + bin.rank());
        }
        assertTrue(good.expectedCalibrationError() < 0.01);
        Calibration.Report bad = Calibration.byDecile(predicted, overconfident);
        assertTrue(bad.expectedCalibrationError() > 0.1, "over-confident scores show: " + bad.expectedCalibrationError());
        assertTrue(bad.bins().get(9).observedRate() < bad.bins().get(9).meanPredicted() - 0.15);
    }

    @Test
    void rejectsWhatIsNotAProbabilityOrTooShort() {
        assertThrows(IllegalArgumentException.class,
                () -> Calibration.byDecile(new double[] {1.2, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new boolean[10]));
        assertThrows(IllegalArgumentException.class, () -> Calibration.byDecile(new double[9], new boolean[9]));
        assertThrows(IllegalArgumentException.class, () -> Calibration.byDecile(new double[10], new boolean[11]));
    }
}
