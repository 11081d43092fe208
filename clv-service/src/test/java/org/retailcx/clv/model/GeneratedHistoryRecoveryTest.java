package org.retailcx.clv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.retailcx.synthetic.clv.ClvHistoryGenerator;
import org.retailcx.synthetic.clv.ClvHistoryGenerator.Settings;

/** The synthetic bank's histories follow BG/NBD + Gamma-Gamma: fitting them recovers the generating parameters. */
class GeneratedHistoryRecoveryTest {

    @Test
    void fittingGeneratedHistoriesRecoversTheGeneratingParameters() {
        Settings settings = Settings.cdnowLike(30_000, 2026);
        var data = ClvHistoryGenerator.generate(settings);
        List<Transaction> transactions = data.transactions().stream()
                .map(t -> new Transaction(t.customerId(), t.transactionDate(), t.amount().doubleValue())).toList();
        List<CustomerSummary> summaries = RfmSummarizer.weekly().summarize(transactions, settings.observationEnd());
        BgNbdFit purchases = BgNbdModel.fit(summaries);
        GammaGammaFit spend = GammaGammaModel.fit(summaries);
        BgNbdParameters bg = purchases.parameters();
        GammaGammaParameters gg = spend.parameters();
        System.out.printf("generated 30,000 customers: %s LL %.1f; %s%n", bg, purchases.logLikelihood(), gg);

        // Likelihood-ratio check: the generating parameters are not rejected against the fitted ones (4 and 3
        // degrees of freedom, 99.9 %: chi-square 18.47 and 16.27, halved).
        BgNbdParameters truth = new BgNbdParameters(settings.r(), settings.alpha(), settings.a(), settings.b());
        double bgGap = purchases.logLikelihood() - BgNbdModel.logLikelihood(truth, summaries);
        assertTrue(bgGap >= 0 && bgGap < 18.47 / 2, "BG/NBD log-likelihood gap " + bgGap);
        GammaGammaParameters ggTruth = new GammaGammaParameters(settings.p(), settings.q(), settings.gamma());
        double ggGap = spend.logLikelihood() - GammaGammaModel.logLikelihood(ggTruth, summaries);
        assertTrue(ggGap >= 0 && ggGap < 16.27 / 2, "Gamma-Gamma log-likelihood gap " + ggGap);

        // and the point estimates are close
        assertEquals(settings.r(), bg.r(), 0.1 * settings.r());
        assertEquals(settings.alpha(), bg.alpha(), 0.15 * settings.alpha());
        assertEquals(settings.a(), bg.a(), 0.3 * settings.a());
        assertEquals(settings.b(), bg.b(), 0.3 * settings.b());
        assertEquals(settings.p(), gg.p(), 0.15 * settings.p());
        assertEquals(settings.q(), gg.q(), 0.15 * settings.q());
        assertEquals(settings.gamma(), gg.gamma(), 0.25 * settings.gamma());
    }
}
