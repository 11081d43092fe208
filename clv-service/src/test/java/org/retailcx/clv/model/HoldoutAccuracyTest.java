package org.retailcx.clv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HoldoutAccuracyTest {

    @Test
    void computesTheFiguresOfASmallHandWorkedCase() {
        double[] predicted = {1, 2, 3, 4};
        double[] actual = {1, 3, 2, 6};
        AccuracyReport report = HoldoutAccuracy.evaluate(predicted, actual, 2);
        // Means 2.5 and 3; deviations (-1.5,-0.5,0.5,1.5) and (-2,0,-1,3): Sxy = 3+0-0.5+4.5 = 7, Sxx = 5, Syy = 14.
        assertEquals(7 / Math.sqrt(5 * 14), report.pearson(), 1e-15);
        assertEquals((0 + 1 + 1 + 2) / 4.0, report.meanAbsoluteError(), 1e-15);
        assertEquals(10, report.totalPredicted());
        assertEquals(12, report.totalActual());
        assertEquals(-1 / 6.0, report.totalRelativeError(), 1e-15);
        assertEquals(List.of(new CalibrationBin(1, 2, 1.5, 2), new CalibrationBin(2, 2, 3.5, 4)), report.calibration());
    }

    @Test
    void binsByRankOfPredictionNotByInputOrder() {
        double[] predicted = {5, 1, 4, 2, 3};
        double[] actual = {50, 10, 40, 20, 30};
        AccuracyReport report = HoldoutAccuracy.evaluate(predicted, actual, 5);
        for (int g = 0; g < 5; g++) {
            assertEquals(new CalibrationBin(g + 1, 1, g + 1, 10 * (g + 1)), report.calibration().get(g));
        }
        assertEquals(1, report.pearson(), 1e-15);
    }

    @Test
    void correlationIsUndefinedWithoutVariance() {
        assertTrue(Double.isNaN(HoldoutAccuracy.evaluate(new double[] {1, 1}, new double[] {0, 2}, 1).pearson()));
    }

    @Test
    void rejectsMismatchedOrTooShortInput() {
        assertThrows(IllegalArgumentException.class, () -> HoldoutAccuracy.evaluate(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> HoldoutAccuracy.evaluate(new double[5], new double[5]));
    }

    /** Calibrate to 1997-09-30, forecast the 39 weeks to 1998-06-30, compare with what the CDNOW customers did. */
    @Test
    void cdnowThirtyNineWeekHoldout() {
        List<HoldoutObservation> observed = RfmSummarizer.weekly()
                .calibrationAndHoldout(CdnowData.transactions(), CdnowData.CALIBRATION_END, CdnowData.HOLDOUT_END);
        List<CustomerSummary> calibration = observed.stream().map(HoldoutObservation::calibration).toList();
        BgNbdModel purchases = BgNbdModel.fit(calibration).model();
        GammaGammaModel spend = GammaGammaModel.fit(calibration).model();
        assertEquals(39, observed.get(0).holdoutLength(), 1e-12);

        double[] predictedPurchases = calibration.stream()
                .mapToDouble(c -> purchases.expectedPurchases(39, c)).toArray();
        double[] actualPurchases = observed.stream().mapToDouble(HoldoutObservation::holdoutFrequency).toArray();
        AccuracyReport counts = HoldoutAccuracy.evaluate(predictedPurchases, actualPurchases);
        print("repeat purchase days", counts);

        double[] predictedValue = calibration.stream()
                .mapToDouble(c -> purchases.expectedPurchases(39, c) * spend.expectedAverageSpend(c)).toArray();
        double[] actualValue = observed.stream().mapToDouble(HoldoutObservation::holdoutSpend).toArray();
        AccuracyReport value = HoldoutAccuracy.evaluate(predictedValue, actualValue);
        print("spend ($)", value);

        printByCalibrationFrequency(observed, predictedPurchases);

        // Regression figures (see the printout); CDNOW customers bought 12 % more than BG/NBD expects, as they also
        // do against the Pareto/NBD: the model is right in shape, low in level for this period.
        assertEquals(2357, counts.customers());
        assertEquals(1882, counts.totalActual());
        assertEquals(1653.4, counts.totalPredicted(), 0.5);
        assertEquals(0.626, counts.pearson(), 0.001);
        assertEquals(70976.4, value.totalActual(), 0.05);
        // The sum of conditional expectations must agree with the unconditional forecast of the same cohort.
        double unconditional = calibration.stream()
                .mapToDouble(c -> purchases.expectedPurchasesUnconditional(c.age() + 39)
                        - purchases.expectedPurchasesUnconditional(c.age()))
                .sum();
        assertEquals(unconditional, counts.totalPredicted(), 0.02 * unconditional);
        // Calibration by decile: the top decile of predictions holds most of the actual repeat buying.
        CalibrationBin top = counts.calibration().get(9);
        assertTrue(top.meanActual() * top.customers() / counts.totalActual() > 0.45);
        assertEquals(top.meanActual(), top.meanPredicted(), 0.1 * top.meanActual());
    }

    /** Mean holdout purchases by calibration frequency 0..7+, the comparison of FHL 2005's Figure 4. */
    private static void printByCalibrationFrequency(List<HoldoutObservation> observed, double[] predicted) {
        double[] actualSum = new double[8];
        double[] predictedSum = new double[8];
        int[] customers = new int[8];
        for (int i = 0; i < observed.size(); i++) {
            int bin = Math.min(observed.get(i).calibration().frequency(), 7);
            actualSum[bin] += observed.get(i).holdoutFrequency();
            predictedSum[bin] += predicted[i];
            customers[bin]++;
        }
        for (int bin = 0; bin < 8; bin++) {
            System.out.printf("  x = %d%s (%d customers): mean predicted %.4f, mean actual %.4f%n", bin,
                    bin == 7 ? "+" : " ", customers[bin], predictedSum[bin] / customers[bin],
                    actualSum[bin] / customers[bin]);
        }
    }

    private static void print(String what, AccuracyReport report) {
        System.out.printf("CDNOW holdout %s: predicted %.1f, actual %.1f (%+.1f %%), Pearson %.4f, MAE %.4f%n", what,
                report.totalPredicted(), report.totalActual(), 100 * report.totalRelativeError(), report.pearson(),
                report.meanAbsoluteError());
        for (CalibrationBin bin : report.calibration()) {
            System.out.printf("  decile %2d (%d customers): mean predicted %.3f, mean actual %.3f%n", bin.rank(),
                    bin.customers(), bin.meanPredicted(), bin.meanActual());
        }
    }
}
