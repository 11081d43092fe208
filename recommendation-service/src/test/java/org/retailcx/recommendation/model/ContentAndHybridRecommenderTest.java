package org.retailcx.recommendation.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContentAndHybridRecommenderTest {

    private static final long T = 1_780_000_000L;

    /** c1 holds a savings account; the bank launches a second savings product nobody has touched yet. */
    private static InteractionMatrix bank() {
        return InteractionMatrix.builder()
                .add("c1", "easy-saver", InteractionType.PURCHASE, T)
                .add("c2", "easy-saver", InteractionType.VIEW, T)
                .add("c2", "gold-card", InteractionType.PURCHASE, T)
                .add("c3", "gold-card", InteractionType.CLICK, T)
                .add("c3", "travel-insurance", InteractionType.VIEW, T)
                .declareProduct("fixed-saver")
                .build();
    }

    private static ProductAttributes attributes() {
        return ProductAttributes.of(Map.of(
                "easy-saver", List.of("category=savings", "access=instant"),
                "fixed-saver", List.of("category=savings", "access=notice"),
                "gold-card", List.of("category=card", "tier=premium"),
                "travel-insurance", List.of("category=insurance", "tier=premium")));
    }

    @Test
    void aNewProductWithAttributesIsRecommendedWithItsSharedAttribute() {
        InteractionMatrix m = bank();
        Recommender content = new ContentBasedRecommender.Parameters(attributes()).fit(m);
        Recommendation first = content.recommend(m.customers().indexOf("c1"), 1, p -> true).get(0);
        assertEquals("fixed-saver", first.productId());
        assertEquals("because you bought easy-saver (same category=savings)", first.reason());
        // Cosine of the unit TF-IDF vectors: savings is shared, access differs; ln((1+4)/(1+2)) + 1 for savings and
        // ln(5/2) + 1 for each access attribute.
        double savings = Math.log(5 / 3.0) + 1;
        double access = Math.log(5 / 2.0) + 1;
        double expected = savings * savings / (savings * savings + access * access);
        assertEquals(expected, first.score(), 1e-12);
        // The ALS/SAR family cannot reach a product without interactions: its score stays 0.
        Recommender sar = SarRecommender.Parameters.defaults().fit(m);
        assertEquals(0, sar.score(m.customers().indexOf("c1"), m.products().indexOf("fixed-saver")), 0);
    }

    @Test
    void hybridBlendsRescaledScoresAndNamesTheLeadingComponent() {
        InteractionMatrix m = bank();
        HybridRecommender.Parameters spec = new HybridRecommender.Parameters(List.of(
                new HybridRecommender.Component(SarRecommender.Parameters.defaults(), 1),
                new HybridRecommender.Component(new ContentBasedRecommender.Parameters(attributes()), 2)));
        HybridRecommender hybrid = (HybridRecommender) spec.fit(m);
        int c1 = m.customers().indexOf("c1");
        double[] blended = new double[m.productCount()];
        hybrid.scoreAll(c1, blended);
        double[] expected = new double[m.productCount()];
        double[] part = new double[m.productCount()];
        double[] weights = {1, 2};
        for (int i = 0; i < 2; i++) {
            hybrid.components().get(i).scoreAll(c1, part);
            double min = java.util.Arrays.stream(part).min().orElseThrow();
            double max = java.util.Arrays.stream(part).max().orElseThrow();
            for (int p = 0; p < part.length; p++) {
                expected[p] += weights[i] * (part[p] - min) / (max - min);
            }
        }
        for (int p = 0; p < blended.length; p++) {
            assertEquals(expected[p], blended[p], 1e-12);
        }
        Recommendation first = hybrid.recommend(c1, 1, p -> true).get(0);
        assertEquals("fixed-saver", first.productId());
        assertTrue(first.reason().endsWith("(content-based)"), first.reason());
        assertThrows(IllegalArgumentException.class, () -> new HybridRecommender.Parameters(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new HybridRecommender.Component(spec, 1));
    }
}
