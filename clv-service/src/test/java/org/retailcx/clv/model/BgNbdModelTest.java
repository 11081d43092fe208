package org.retailcx.clv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BgNbdModelTest {

    /** Fader, Hardie &amp; Lee (2005), CDNOW, 39-week calibration. */
    private static final BgNbdParameters PUBLISHED = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

    @Test
    void fitOnCdnowReproducesThePublishedParametersAndLogLikelihood() {
        BgNbdFit fit = BgNbdModel.fit(CdnowData.publishedSummary());
        BgNbdParameters p = fit.parameters();
        System.out.printf("BG/NBD CDNOW fit: r=%.4f alpha=%.4f a=%.4f b=%.4f LL=%.4f (%d customers, %d evaluations)%n",
                p.r(), p.alpha(), p.a(), p.b(), fit.logLikelihood(), fit.customers(), fit.evaluations());
        assertEquals(0.243, p.r(), 0.0005);
        assertEquals(4.414, p.alpha(), 0.0005);
        assertEquals(0.793, p.a(), 0.0005);
        assertEquals(2.426, p.b(), 0.0005);
        assertEquals(-9582.4, fit.logLikelihood(), 0.05);
        assertEquals(2357, fit.customers());
    }

    @Test
    void theFitFromTheRawTransactionsKeepsItsFourDecimals() {
        // lifetimes on the raw CDNOW file (exact days, not the 2-decimal summary): r 0.2426, alpha 4.4136, a 0.7929,
        // b 2.4259; the derivative-free fit this one replaced gave the same four decimals.
        BgNbdFit fit = BgNbdModel.fit(RfmSummarizer.weekly().summarize(CdnowData.transactions(),
                CdnowData.CALIBRATION_END));
        BgNbdParameters p = fit.parameters();
        System.out.printf("BG/NBD CDNOW raw fit: r=%.6f alpha=%.6f a=%.6f b=%.6f LL=%.6f (%d evaluations)%n", p.r(),
                p.alpha(), p.a(), p.b(), fit.logLikelihood(), fit.evaluations());
        assertEquals(0.2426, round4(p.r()));
        assertEquals(4.4136, round4(p.alpha()));
        assertEquals(0.7929, round4(p.a()));
        assertEquals(2.4259, round4(p.b()));
        assertEquals(2357, fit.customers());
    }

    static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    @Test
    void analyticDerivativesMatchFiniteDifferences() {
        RfmData data = RfmData.of(RfmSummarizer.weekly().summarize(CdnowData.transactions(),
                CdnowData.CALIBRATION_END));
        double[] at = {0.3, 5.1, 0.6, 2.9};
        DerivativeCheck.assertMatchesFiniteDifferences(new BgNbdLikelihood(data), at);
    }

    @Test
    void groupingAndParallelChunksLeaveTheLikelihoodAsTheSumOverCustomers() {
        // CDNOW thirty times over: grouped into its distinct tuples with weight 30
        List<CustomerSummary> cdnow = CdnowData.publishedSummary();
        List<CustomerSummary> thirty = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            thirty.addAll(cdnow);
        }
        assertTrue(RfmData.of(thirty).distinctTuples() <= cdnow.size());
        assertEquals(30 * BgNbdModel.logLikelihood(PUBLISHED, cdnow), BgNbdModel.logLikelihood(PUBLISHED, thirty),
                1e-9 * 30 * 9582);
        // continuous times: no grouping, summed in parallel chunks, equal to the sum over single-chunk slices
        List<CustomerSummary> continuous = new BgNbdSimulator(PUBLISHED, new GammaGammaParameters(6.25, 3.74, 15.44),
                11).simulate(5 * ParallelSums.CHUNK + 123, 26, 78);
        assertEquals(continuous.size(), RfmData.of(continuous).distinctTuples());
        double slices = 0;
        for (int from = 0; from < continuous.size(); from += ParallelSums.CHUNK) {
            slices += BgNbdModel.logLikelihood(PUBLISHED,
                    continuous.subList(from, Math.min(continuous.size(), from + ParallelSums.CHUNK)));
        }
        double whole = BgNbdModel.logLikelihood(PUBLISHED, continuous);
        assertEquals(slices, whole, 1e-9 * Math.abs(whole));
    }

    @Test
    void conditionalExpectationMatchesThePublishedExample() {
        // FHL 2005: x = 2, t_x = 30.43, T = 38.86, next 39 weeks: 1.226.
        BgNbdModel published = new BgNbdModel(PUBLISHED);
        double expected = published.expectedPurchases(39, 2, 30.43, 38.86);
        double fitted = BgNbdModel.fit(CdnowData.publishedSummary()).model().expectedPurchases(39, 2, 30.43, 38.86);
        System.out.printf("E[Y(39) | 2, 30.43, 38.86]: published parameters %.6f, fitted %.6f%n", expected, fitted);
        assertEquals(1.226, expected, 0.0005);
        assertEquals(1.226, fitted, 0.0005);
    }

    @Test
    void logLikelihoodAtThePublishedParametersIsThePublishedValue() {
        assertEquals(-9582.4, BgNbdModel.logLikelihood(PUBLISHED, CdnowData.publishedSummary()), 0.1);
    }

    @Test
    void eulerTransformedExpectationEqualsTheTextbookFormula() {
        // FHL 2005 eq. 10 written with the direct 2F1(r+x, b+x; a+b+x-1; z).
        BgNbdParameters p = PUBLISHED;
        BgNbdModel model = new BgNbdModel(p);
        int[] xs = {0, 1, 2, 7, 29};
        double[] txs = {0, 1.71, 30.43, 29.43, 37.71};
        double[] ages = {38.86, 38.86, 38.86, 38.86, 38.0};
        for (int i = 0; i < xs.length; i++) {
            int x = xs[i];
            for (double t : new double[] {1, 39, 52, 260}) {
                double z = t / (p.alpha() + ages[i] + t);
                double hyp = Hypergeometric2F1.value(p.r() + x, p.b() + x, p.a() + p.b() + x - 1, z);
                double numerator = (p.a() + p.b() + x - 1) / (p.a() - 1)
                        * (1 - Math.pow((p.alpha() + ages[i]) / (p.alpha() + ages[i] + t), p.r() + x) * hyp);
                double denominator = 1 + (x > 0 ? p.a() / (p.b() + x - 1)
                        * Math.pow((p.alpha() + ages[i]) / (p.alpha() + txs[i]), p.r() + x) : 0);
                double expected = numerator / denominator;
                assertEquals(expected, model.expectedPurchases(t, x, txs[i], ages[i]), 1e-10 * expected);
            }
        }
    }

    @Test
    void unconditionalExpectationIsTheConditionalOneForABrandNewCustomer() {
        BgNbdModel model = new BgNbdModel(PUBLISHED);
        assertEquals(model.expectedPurchases(52, 0, 0, 0), model.expectedPurchasesUnconditional(52), 1e-15);
        assertEquals(0, model.expectedPurchasesUnconditional(0));
        // E[X(t)] is increasing and concave-ish: more time, more purchases, each week adding less.
        assertTrue(model.expectedPurchasesUnconditional(78) > model.expectedPurchasesUnconditional(39));
    }

    @Test
    void probabilityAliveFollowsTheModel() {
        BgNbdModel model = new BgNbdModel(PUBLISHED);
        assertEquals(1, model.probabilityAlive(0, 0, 38.86));
        // Same x, an older last purchase: less likely to still be alive.
        assertTrue(model.probabilityAlive(2, 30.43, 38.86) > model.probabilityAlive(2, 5, 38.86));
        double odds = 0.793 / (2.426 + 1) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 0.243 + 2);
        assertEquals(1 / (1 + odds), model.probabilityAlive(2, 30.43, 38.86), 1e-15);
    }

    @Test
    void fitFailsClearlyOnTooFewCustomers() {
        List<CustomerSummary> few = CdnowData.publishedSummary().subList(0, 30);
        ModelFitException e = assertThrows(ModelFitException.class, () -> BgNbdModel.fit(few));
        assertEquals(ModelFitException.Reason.INSUFFICIENT_DATA, e.reason());
        assertEquals("BG/NBD needs at least 50 customers, got 30", e.getMessage());
    }

    @Test
    void fitFailsClearlyWithoutRepeatCustomers() {
        List<CustomerSummary> oneTimers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            oneTimers.add(CustomerSummary.of("c" + i, 0, 0, 10 + i % 30));
        }
        ModelFitException e = assertThrows(ModelFitException.class, () -> BgNbdModel.fit(oneTimers));
        assertEquals(ModelFitException.Reason.INSUFFICIENT_DATA, e.reason());
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }

    @Test
    void fitFailsClearlyWhenTheOptimiserRunsOutOfBudget() {
        FitOptions tight = new FitOptions(50, 20, 3, 2);
        ModelFitException e = assertThrows(ModelFitException.class,
                () -> BgNbdModel.fit(CdnowData.publishedSummary(), tight));
        assertEquals(ModelFitException.Reason.NON_CONVERGENCE, e.reason());
        System.out.println("budget exhausted: " + e.getMessage());
    }

    @Test
    void fitFailsClearlyWhenTheDataDoNotIdentifyTheParameters() {
        // Every customer bought every week and was seen buying at the very end: no sign of dropout at all, so the
        // likelihood keeps rising as the dropout probability goes to 0 and there is no interior maximum.
        List<CustomerSummary> loyal = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            loyal.add(CustomerSummary.of("c" + i, 30, 30, 30));
        }
        ModelFitException e = assertThrows(ModelFitException.class, () -> BgNbdModel.fit(loyal));
        assertEquals(ModelFitException.Reason.NON_CONVERGENCE, e.reason());
        System.out.println("unidentified: " + e.getMessage());
    }
}
