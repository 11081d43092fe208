package org.retailcx.clv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class BgNbdSimulatorTest {

    private static final BgNbdParameters PURCHASES = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
    private static final GammaGammaParameters SPEND = new GammaGammaParameters(6.25, 3.74, 15.44);

    @Test
    void sameSeedSameCustomers() {
        assertEquals(new BgNbdSimulator(PURCHASES, SPEND, 42).simulate(500, 20, 40),
                new BgNbdSimulator(PURCHASES, SPEND, 42).simulate(500, 20, 40));
        assertNotEquals(new BgNbdSimulator(PURCHASES, SPEND, 42).simulate(500, 20, 40),
                new BgNbdSimulator(PURCHASES, SPEND, 43).simulate(500, 20, 40));
        BgNbdSimulator.Cohort cohort = new BgNbdSimulator.Cohort(200, LocalDate.of(2024, 1, 1), 90,
                LocalDate.of(2024, 12, 31), 7);
        assertEquals(new BgNbdSimulator(PURCHASES, SPEND, 7).simulateTransactions(cohort),
                new BgNbdSimulator(PURCHASES, SPEND, 7).simulateTransactions(cohort));
    }

    @Test
    void meanSimulatedFrequencyIsTheModelsUnconditionalExpectation() {
        List<CustomerSummary> customers = new BgNbdSimulator(PURCHASES, SPEND, 1).simulate(200_000, 39, 39);
        double mean = customers.stream().mapToInt(CustomerSummary::frequency).average().orElseThrow();
        double expected = new BgNbdModel(PURCHASES).expectedPurchasesUnconditional(39);
        System.out.printf("E[X(39)]: model %.4f, mean of 200,000 simulated %.4f%n", expected, mean);
        assertEquals(expected, mean, 0.02 * expected);
    }

    @Test
    void fittingFiveThousandSimulatedCustomersRecoversTheGeneratingParameters() {
        for (long seed = 1; seed <= 3; seed++) {
            List<CustomerSummary> customers = new BgNbdSimulator(PURCHASES, SPEND, seed).simulate(5000, 27, 39);
            BgNbdParameters bg = BgNbdModel.fit(customers).parameters();
            GammaGammaFit ggFit = GammaGammaModel.fit(customers);
            GammaGammaParameters gg = ggFit.parameters();
            System.out.printf("seed %d: r=%.4f alpha=%.4f a=%.4f b=%.4f | p=%.3f q=%.3f gamma=%.3f (%d repeat)%n",
                    seed, bg.r(), bg.alpha(), bg.a(), bg.b(), gg.p(), gg.q(), gg.gamma(), ggFit.customers());
            // Tolerances of about three standard errors at n = 5,000 (from the observed information).
            assertRelative(PURCHASES.r(), bg.r(), 0.15);
            assertRelative(PURCHASES.alpha(), bg.alpha(), 0.20);
            assertRelative(PURCHASES.a(), bg.a(), 0.60);
            assertRelative(PURCHASES.b(), bg.b(), 0.75);
            assertRelative(PURCHASES.r() / PURCHASES.alpha(), bg.r() / bg.alpha(), 0.05);
            assertRelative(SPEND.p(), gg.p(), 0.35);
            assertRelative(SPEND.p() * SPEND.gamma() / (SPEND.q() - 1), ggFit.model().populationMeanSpend(), 0.05);
        }
    }

    private static void assertRelative(double expected, double actual, double tolerance) {
        assertEquals(expected, actual, tolerance * expected);
    }

    @Test
    void modelPredictsTheHoldoutOfASimulatedTransactionLog() {
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate calibrationEnd = start.plusWeeks(39).minusDays(1);
        LocalDate holdoutEnd = calibrationEnd.plusWeeks(39);
        List<Transaction> log = new BgNbdSimulator(PURCHASES, SPEND, 11)
                .simulateTransactions(new BgNbdSimulator.Cohort(20_000, start, 84, holdoutEnd, 7));
        List<HoldoutObservation> observed =
                RfmSummarizer.weekly().calibrationAndHoldout(log, calibrationEnd, holdoutEnd);
        List<CustomerSummary> calibration = observed.stream().map(HoldoutObservation::calibration).toList();
        BgNbdModel model = BgNbdModel.fit(calibration).model();
        double[] predicted = calibration.stream().mapToDouble(c -> model.expectedPurchases(39, c)).toArray();
        double[] actual = observed.stream().mapToDouble(HoldoutObservation::holdoutFrequency).toArray();
        AccuracyReport report = HoldoutAccuracy.evaluate(predicted, actual);
        System.out.printf("simulated holdout: predicted %.1f, actual %.1f, r=%.3f, MAE %.3f; fitted %s%n",
                report.totalPredicted(), report.totalActual(), report.pearson(), report.meanAbsoluteError(),
                model.parameters());
        assertEquals(20_000, observed.size());
        assertEquals(0, report.totalRelativeError(), 0.05);
    }

    @Test
    void cohortMustFitInsideTheObservationWindow() {
        assertThrows(IllegalArgumentException.class, () -> new BgNbdSimulator.Cohort(10, LocalDate.of(2024, 1, 1), 90,
                LocalDate.of(2024, 2, 1), 7));
    }
}
