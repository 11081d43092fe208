package org.retailcx.clv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GammaGammaModelTest {

    @Test
    void fitOnCdnowRepeatCustomersReproducesThePublishedParameters() {
        List<CustomerSummary> summaries = RfmSummarizer.weekly()
                .summarize(CdnowData.transactions(), CdnowData.CALIBRATION_END);
        GammaGammaFit fit = GammaGammaModel.fit(summaries);
        GammaGammaParameters p = fit.parameters();
        System.out.printf("Gamma-Gamma CDNOW fit: p=%.4f q=%.4f gamma=%.4f LL=%.4f (%d customers, %d evaluations)%n",
                p.p(), p.q(), p.gamma(), fit.logLikelihood(), fit.customers(), fit.evaluations());
        // Fader & Hardie (2013): p = 6.25, q = 3.74, gamma = 15.44; CLVTools' reference log-likelihood -4055.9177.
        assertEquals(946, fit.customers());
        assertEquals(6.25, p.p(), 0.005);
        assertEquals(3.74, p.q(), 0.005);
        assertEquals(15.44, p.gamma(), 0.005);
        assertEquals(-4055.9177, fit.logLikelihood(), 0.001);
    }

    @Test
    void theFitKeepsItsFourDecimalsAndItsDerivativesAreExact() {
        List<CustomerSummary> summaries = RfmSummarizer.weekly()
                .summarize(CdnowData.transactions(), CdnowData.CALIBRATION_END);
        GammaGammaParameters p = GammaGammaModel.fit(summaries).parameters();
        // the derivative-free fit this one replaced gave the same four decimals
        assertEquals(6.2496, BgNbdModelTest.round4(p.p()));
        assertEquals(3.7442, BgNbdModelTest.round4(p.q()));
        assertEquals(15.4435, BgNbdModelTest.round4(p.gamma()));

        DerivativeCheck.assertMatchesFiniteDifferences(
                new GammaGammaLikelihood(GammaGammaLikelihood.SpendData.of(summaries)), new double[] {4.1, 2.7, 19.5});
    }

    @Test
    void repeatDaysWorthNothingArePurchasesButNoSpendObservation() {
        // a repeat day of $0 and one of $20: BG/NBD sees two repeat days, Gamma-Gamma one day worth 20
        LocalDate day = LocalDate.of(2024, 1, 1);
        CustomerSummary c = RfmSummarizer.weekly().summarize(List.of(new Transaction("z", day, 0),
                new Transaction("z", day.plusDays(7), 0), new Transaction("z", day.plusDays(14), 20)),
                day.plusDays(21)).get(0);
        assertEquals(new CustomerSummary("z", 2, 2, 3, 20, 1), c);
        GammaGammaModel model = new GammaGammaModel(new GammaGammaParameters(6.25, 3.74, 15.44));
        assertEquals(model.expectedAverageSpend(1, 20), model.expectedAverageSpend(c), 1e-12);
        CustomerSummary free = RfmSummarizer.weekly().summarize(List.of(new Transaction("f", day, 5),
                new Transaction("f", day.plusDays(7), 0)), day.plusDays(21)).get(0);
        assertEquals(new CustomerSummary("f", 1, 1, 3, 0, 0), free);
        assertEquals(model.populationMeanSpend(), model.expectedAverageSpend(free), 1e-12);
    }

    @Test
    void expectedSpendShrinksTheObservedMeanTowardsThePopulationMean() {
        GammaGammaModel model = new GammaGammaModel(new GammaGammaParameters(6.25, 3.74, 15.44));
        double population = 6.25 * 15.44 / 2.74;
        assertEquals(population, model.populationMeanSpend(), 1e-12);
        assertEquals(population, model.expectedAverageSpend(0, 0), 1e-12);
        // Weight on the customer's own mean is p x / (p x + q - 1).
        double weight = 6.25 * 2 / (6.25 * 2 + 2.74);
        assertEquals(weight * 22.345 + (1 - weight) * population, model.expectedAverageSpend(2, 22.345), 1e-12);
    }

    @Test
    void refusesAnInfiniteMeanSpend() {
        GammaGammaModel model = new GammaGammaModel(new GammaGammaParameters(2, 0.9, 10));
        assertThrows(IllegalStateException.class, model::populationMeanSpend);
    }

    @Test
    void fitFailsClearlyWithoutEnoughRepeatCustomers() {
        List<CustomerSummary> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            customers.add(new CustomerSummary("c" + i, i < 5 ? 1 : 0, i < 5 ? 2 : 0, 10, i < 5 ? 20 : 0));
        }
        ModelFitException e = assertThrows(ModelFitException.class, () -> GammaGammaModel.fit(customers));
        assertEquals(ModelFitException.Reason.INSUFFICIENT_DATA, e.reason());
        assertEquals("Gamma-Gamma needs at least 20 customers with a repeat purchase, got 5", e.getMessage());
    }

    @Test
    void fitRejectsANonPositiveMeanSpend() {
        List<CustomerSummary> customers = List.of(new CustomerSummary("refund", 1, 1, 5, -3));
        ModelFitException e = assertThrows(ModelFitException.class, () -> GammaGammaModel.fit(customers));
        assertEquals(ModelFitException.Reason.INVALID_DATA, e.reason());
    }
}
