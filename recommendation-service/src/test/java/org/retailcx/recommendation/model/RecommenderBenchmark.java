package org.retailcx.recommendation.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;

/**
 * Builds the interaction matrix of 1,000,000 planted events (100,000 customers × 1,000 products by default) and times
 * the fit of every algorithm on one thread. Not a test: its name matches no Surefire pattern, and timings do not
 * belong in a pass/fail suite. Optional arguments: customers, products, mean events per customer, and "evaluate" to
 * add the offline metrics of a 75/25 stratified split. Prints wall-clock and this thread's CPU time: on a shared
 * machine the CPU time is the figure that compares across runs.
 */
public final class RecommenderBenchmark {

    private RecommenderBenchmark() {
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int products = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int meanEvents = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        boolean evaluate = args.length > 3 && args[3].equals("evaluate");

        long t0 = System.nanoTime();
        InteractionMatrix.Builder builder = InteractionMatrix.builder();
        PlantedInteractions.Truth data = PlantedInteractions.fill(builder, customers, products, 20, meanEvents, 0.8,
                2026);
        long t1 = System.nanoTime();
        long buildCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        InteractionMatrix all = builder.build();
        buildCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - buildCpu;
        long t2 = System.nanoTime();
        System.out.printf("%,d customers, %,d products, %,d events, %,d (customer, product) pairs%n",
                all.customerCount(), all.productCount(), all.eventCount(), all.cellCount());
        System.out.printf("generate events           %6.2f s%n", seconds(t0, t1));
        System.out.printf("build matrix                   %6.2f s wall %6.2f s cpu%n", seconds(t1, t2), buildCpu / 1e9);
        TrainTestSplit split = evaluate ? TrainTestSplit.stratified(all, 0.75, 42) : null;
        InteractionMatrix training = evaluate ? split.train() : all;

        List<TrainingSpec> specs = List.of(new PopularityRecommender.Parameters(), SarRecommender.Parameters.defaults(),
                ItemKnnRecommender.Parameters.defaults(), AlsRecommender.Parameters.defaults(),
                withCholesky(AlsRecommender.Parameters.defaults()), BprRecommender.Parameters.defaults(),
                new ContentBasedRecommender.Parameters(data.attributes()),
                new HybridRecommender.Parameters(List.of(
                        new HybridRecommender.Component(ItemKnnRecommender.Parameters.defaults(), 1),
                        new HybridRecommender.Component(new SarRecommender.Parameters(SarRecommender.Similarity.JACCARD,
                                true, Duration.ofDays(30), 1), 1),
                        new HybridRecommender.Component(new ContentBasedRecommender.Parameters(data.attributes()),
                                0.5))));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (TrainingSpec spec : specs) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            Recommender model = spec.fit(training);
            long fitted = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            String label = spec instanceof AlsRecommender.Parameters als ? "ALS " + als.solver() : spec.algorithm().name();
            System.out.printf("fit %-26s %6.2f s wall %6.2f s cpu", label, seconds(start, fitted), cpu / 1e9);
            if (evaluate) {
                RankingMetrics m = OfflineEvaluation.evaluate(model, split, 10);
                System.out.printf("  nDCG@10 %.4f  P@10 %.4f  R@10 %.4f  MAP %.4f  coverage %.3f  diversity %.3f"
                        + "  novelty %.2f  (evaluated in %.1f s)", m.ndcgAtK(), m.precisionAtK(), m.recallAtK(), m.map(),
                        m.catalogueCoverage(), m.diversity(), m.novelty(), seconds(fitted, System.nanoTime()));
            }
            System.out.println();
        }
    }

    private static AlsRecommender.Parameters withCholesky(AlsRecommender.Parameters p) {
        return new AlsRecommender.Parameters(p.factors(), p.regularization(), p.alpha(), p.iterations(),
                AlsRecommender.Solver.CHOLESKY, p.conjugateGradientSteps(), p.seed());
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
