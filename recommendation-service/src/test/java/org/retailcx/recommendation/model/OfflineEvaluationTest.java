package org.retailcx.recommendation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OfflineEvaluationTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    /** Ideal DCG of three hits: 1/log2(2) + 1/log2(3) + 1/log2(4). */
    private static final double IDCG_3 = 1 + 1 / LOG2_3 + 0.5;

    /**
     * Training: A {P0, P2}, B {P0, P1}, C {P2, P3, P4}, D {P3, P4}; test: A {P1, P3, P5}, B {P2, P4, P5, P6, P7}.
     * Lists at k = 3: A [P1, P4, P3] (hits at ranks 1 and 3), B [P3, P4, P6] (hits at ranks 2 and 3).
     */
    @Test
    void handWorkedCaseAtThree() {
        InteractionMatrix all = matrix(Map.of("A", "0 2 | 1 3 5", "B", "0 1 | 2 4 5 6 7", "C", "2 3 4 |", "D", "3 4 |"));
        TrainTestSplit split = splitByMarker(all);
        Map<String, int[]> lists = Map.of("A", new int[] {p(all, 1), p(all, 4), p(all, 3)},
                "B", new int[] {p(all, 3), p(all, 4), p(all, 6)});
        RankingMetrics m = OfflineEvaluation.evaluate(3, split.train(), split.test(),
                c -> lists.get(all.customers().id(c)));

        assertEquals(2, m.customers());
        assertEquals((2 / 3.0 + 2 / 3.0) / 2, m.precisionAtK(), 1e-12);
        assertEquals((2 / 3.0 + 2 / 5.0) / 2, m.recallAtK(), 1e-12);
        double ndcgA = (1 + 0.5) / IDCG_3;
        double ndcgB = (1 / LOG2_3 + 0.5) / IDCG_3;
        assertEquals((ndcgA + ndcgB) / 2, m.ndcgAtK(), 1e-12);
        // Average precision: hits so far / rank at each hit, over the relevant count (MAP) or min(k, relevant) (MAP@k).
        double hitsA = 1 / 1.0 + 2 / 3.0;
        double hitsB = 1 / 2.0 + 2 / 3.0;
        assertEquals((hitsA / 3 + hitsB / 5) / 2, m.map(), 1e-12);
        assertEquals((hitsA / 3 + hitsB / 3) / 2, m.mapAtK(), 1e-12);
        // Products recommended {P1, P3, P4, P6} of the five with training pairs.
        assertEquals(4 / 5.0, m.catalogueCoverage(), 1e-12);
        // Co-occurrence cosine: only (P3, P4) were held together (by C and D, each held by 2): 2 / √(2·2) = 1.
        assertEquals(1 - 1 / 3.0, m.diversity(), 1e-12);
        // Nine training pairs; P1 has 1, P3 and P4 have 2, P6 none (adds nothing, still counts in the mean of six).
        double novelty = (log2(9) + 4 * log2(9 / 2.0)) / 6;
        assertEquals(novelty, m.novelty(), 1e-12);
    }

    @Test
    void aCustomerWithoutRecommendationsCountsAsZero() {
        InteractionMatrix all = matrix(Map.of("A", "0 | 1", "B", "0 | 1"));
        TrainTestSplit split = splitByMarker(all);
        int a = all.customers().indexOf("A");
        RankingMetrics m = OfflineEvaluation.evaluate(10, split.train(), split.test(),
                c -> c == a ? new int[] {p(all, 1)} : new int[0]);
        assertEquals(2, m.customers());
        assertEquals(0.1 / 2, m.precisionAtK(), 1e-12);
        assertEquals(0.5, m.recallAtK(), 1e-12);
        assertEquals(0.5, m.ndcgAtK(), 1e-12);
        assertEquals(0.5, m.map(), 1e-12);
    }

    @Test
    void kMustBePositive() {
        InteractionMatrix all = matrix(Map.of("A", "0 | 1"));
        TrainTestSplit split = splitByMarker(all);
        assertThrows(IllegalArgumentException.class,
                () -> OfflineEvaluation.evaluate(0, split.train(), split.test(), c -> new int[0]));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static int p(InteractionMatrix m, int product) {
        return m.products().indexOf("P" + product);
    }

    /** "train products | test products" per customer; test pairs are marked by a purchase, training by a view. */
    private static InteractionMatrix matrix(Map<String, String> rows) {
        InteractionMatrix.Builder b = InteractionMatrix.builder();
        for (int product = 0; product < 8; product++) {
            b.declareProduct("P" + product);
        }
        rows.keySet().stream().sorted().forEach(customer -> {
            String[] parts = rows.get(customer).split("\\|", -1);
            for (int side = 0; side < 2; side++) {
                for (String product : parts[side].trim().split("\\s+")) {
                    if (!product.isEmpty()) {
                        b.add(customer, "P" + product, side == 0 ? InteractionType.VIEW : InteractionType.PURCHASE,
                                1_700_000_000L);
                    }
                }
            }
        });
        return b.build();
    }

    private static TrainTestSplit splitByMarker(InteractionMatrix all) {
        return new TrainTestSplit(all.selectCells(cell -> all.strongestType(cell) == InteractionType.VIEW),
                all.selectCells(cell -> all.strongestType(cell) == InteractionType.PURCHASE));
    }
}
