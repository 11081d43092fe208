package org.retailcx.clv.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Fits and scores one million simulated customers and prints the time of each step. Not a test: its name matches
 * no Surefire pattern, and timings do not belong in a pass/fail suite. Run it as the README says.
 */
public final class ClvBenchmark {

    private ClvBenchmark() {
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        BgNbdParameters truePurchases = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
        GammaGammaParameters trueSpend = new GammaGammaParameters(6.25, 3.74, 15.44);
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate calibrationEnd = start.plusWeeks(39).minusDays(1);

        long t0 = System.nanoTime();
        List<Transaction> log = new BgNbdSimulator(truePurchases, trueSpend, 2024)
                .simulateTransactions(new BgNbdSimulator.Cohort(customers, start, 84, calibrationEnd, 7));
        long t1 = System.nanoTime();
        List<CustomerSummary> summaries = RfmSummarizer.weekly().summarize(log, calibrationEnd);
        long t2 = System.nanoTime();
        BgNbdFit purchases = BgNbdModel.fit(summaries);
        long t3 = System.nanoTime();
        GammaGammaFit spend = GammaGammaModel.fit(summaries);
        long t4 = System.nanoTime();
        double expected = 0;
        for (CustomerSummary c : summaries) {
            expected += purchases.model().expectedPurchases(39, c);
        }
        long t5 = System.nanoTime();
        List<ClvEstimate> values = new ClvCalculator(purchases.model(), spend.model(), ClvSettings.weekly(0.10, 0.3))
                .estimateAll(summaries);
        long t6 = System.nanoTime();

        double lifetime = values.stream().mapToDouble(ClvEstimate::lifetimeValue).sum();
        System.out.printf("%,d customers, %,d transactions, %,d distinct (x, t_x, T) tuples%n", summaries.size(),
                log.size(), RfmData.of(summaries).distinctTuples());
        System.out.printf("simulate transactions     %6.2f s%n", seconds(t0, t1));
        System.out.printf("summarise (RFM)           %6.2f s%n", seconds(t1, t2));
        System.out.printf("fit BG/NBD                %6.2f s  %s, %d evaluations%n", seconds(t2, t3),
                purchases.parameters(), purchases.evaluations());
        System.out.printf("fit Gamma-Gamma           %6.2f s  %s on %,d repeat customers, %d evaluations%n",
                seconds(t3, t4), spend.parameters(), spend.customers(), spend.evaluations());
        System.out.printf("score E[Y(39)] each       %6.2f s  (total %.0f)%n", seconds(t4, t5), expected);
        System.out.printf("score CLV 12/36/120 mo.   %6.2f s  (total lifetime value %.0f)%n", seconds(t5, t6),
                lifetime);
        System.out.printf("fit + score               %6.2f s%n", seconds(t2, t6));
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
