package org.retailcx.recommendation.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SarRecommenderTest {

    private static final long T = 1_780_000_000L;
    private static final long DAY = 86_400;

    /** u1 {A, B}, u2 {A, B, C}, u3 {B, C}: c_AA 2, c_BB 3, c_CC 2, c_AB 2, c_AC 1, c_BC 2. u1's A is 30 days old. */
    private static InteractionMatrix matrix() {
        return InteractionMatrix.builder()
                .add("u1", "A", InteractionType.VIEW, T - 30 * DAY).add("u1", "B", InteractionType.VIEW, T)
                .add("u2", "A", InteractionType.VIEW, T).add("u2", "B", InteractionType.VIEW, T)
                .add("u2", "C", InteractionType.VIEW, T)
                .add("u3", "B", InteractionType.VIEW, T).add("u3", "C", InteractionType.VIEW, T)
                .build();
    }

    private static SarRecommender fit(SarRecommender.Similarity similarity, boolean decay, int threshold) {
        return (SarRecommender) new SarRecommender.Parameters(similarity, decay, Duration.ofDays(30), threshold)
                .fit(matrix());
    }

    @Test
    void jaccardAndLiftFromCooccurrenceCounts() {
        InteractionMatrix m = matrix();
        int a = m.products().indexOf("A");
        int b = m.products().indexOf("B");
        int c = m.products().indexOf("C");
        SarRecommender jaccard = fit(SarRecommender.Similarity.JACCARD, false, 1);
        assertEquals(2 / 3.0, jaccard.productSimilarity(a, b), 1e-12); // 2 / (2 + 3 − 2)
        assertEquals(1 / 3.0, jaccard.productSimilarity(a, c), 1e-12); // 1 / (2 + 2 − 1)
        assertEquals(2 / 3.0, jaccard.productSimilarity(c, b), 1e-12);
        assertEquals(1, jaccard.productSimilarity(b, b), 1e-12);
        SarRecommender lift = fit(SarRecommender.Similarity.LIFT, false, 1);
        assertEquals(2 / 6.0, lift.productSimilarity(a, b), 1e-12); // 2 / (2 · 3)
        assertEquals(1 / 4.0, lift.productSimilarity(a, c), 1e-12);
        assertEquals(1 / 2.0, lift.productSimilarity(a, a), 1e-12);
        SarRecommender counts = fit(SarRecommender.Similarity.COOCCURRENCE, false, 1);
        assertEquals(2, counts.productSimilarity(b, c), 0);
        // threshold 2 drops the pair seen together by one customer only
        assertEquals(0, fit(SarRecommender.Similarity.JACCARD, false, 2).productSimilarity(a, c), 0);
    }

    @Test
    void scoresAreAffinityTimesSimilarityWithTimeDecay() {
        InteractionMatrix m = matrix();
        int u1 = m.customers().indexOf("u1");
        int c = m.products().indexOf("C");
        // u1 without decay: A and B at weight 1 → score(C) = 1/3 + 2/3
        SarRecommender plain = fit(SarRecommender.Similarity.JACCARD, false, 1);
        assertEquals(1.0, plain.score(u1, c), 1e-12);
        // with a 30-day half-life, A (30 days before the latest event) counts 1/2: 1/2 · 1/3 + 2/3
        SarRecommender decayed = fit(SarRecommender.Similarity.JACCARD, true, 1);
        assertEquals(0.5, decayed.affinity(u1, m.products().indexOf("A")), 1e-12);
        assertEquals(0.5 / 3 + 2 / 3.0, decayed.score(u1, c), 1e-12);
        assertEquals(7 / 12.0, fit(SarRecommender.Similarity.LIFT, false, 1).score(u1, c), 1e-12);
    }

    @Test
    void recommendsOnlyUnseenProductsWithTheirReason() {
        InteractionMatrix m = matrix();
        SarRecommender sar = fit(SarRecommender.Similarity.JACCARD, true, 1);
        int u1 = m.customers().indexOf("u1");
        assertArrayEquals(new int[] {m.products().indexOf("C")}, sar.topProducts(u1, 5, p -> true));
        Recommendation only = sar.recommend(u1, 5, p -> true).get(0);
        assertEquals("C", only.productId());
        assertEquals(Algorithm.SAR, only.algorithm());
        assertEquals("because you viewed B", only.reason()); // B contributes 2/3, A only 1/6
        assertEquals(0, sar.recommend(u1, 5, p -> false).size(), "ineligible products are never recommended");
    }
}
