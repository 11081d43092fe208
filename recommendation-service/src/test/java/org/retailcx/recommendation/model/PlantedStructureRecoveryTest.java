package org.retailcx.recommendation.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 3,000 customers in 6 segments, 120 products in 6 families, 80 % of each customer's events in their own family: the
 * collaborative and content models must find the families, the popularity baseline cannot.
 */
class PlantedStructureRecoveryTest {

    private static final int SEGMENTS = 6;
    private static PlantedInteractions.Data data;
    private static TrainTestSplit split;
    private static final Map<Algorithm, Recommender> MODELS = new EnumMap<>(Algorithm.class);
    private static final Map<Algorithm, RankingMetrics> METRICS = new EnumMap<>(Algorithm.class);

    @BeforeAll
    static void fitEveryAlgorithm() {
        data = PlantedInteractions.generate(3000, 120, SEGMENTS, 12, 0.8, 7);
        split = TrainTestSplit.stratified(data.matrix(), 0.75, 42);
        List<TrainingSpec> specs = List.of(new PopularityRecommender.Parameters(), SarRecommender.Parameters.defaults(),
                ItemKnnRecommender.Parameters.defaults(), AlsRecommender.Parameters.defaults(),
                BprRecommender.Parameters.defaults(), new ContentBasedRecommender.Parameters(data.attributes()),
                new HybridRecommender.Parameters(List.of(
                        new HybridRecommender.Component(SarRecommender.Parameters.defaults(), 1),
                        new HybridRecommender.Component(BprRecommender.Parameters.defaults(), 1))));
        for (TrainingSpec spec : specs) {
            Recommender model = spec.fit(split.train());
            MODELS.put(spec.algorithm(), model);
            METRICS.put(spec.algorithm(), OfflineEvaluation.evaluate(model, split, 10));
        }
    }

    @Test
    void everyModelBeatsPopularityByAClearMargin() {
        double baseline = METRICS.get(Algorithm.POPULARITY).ndcgAtK();
        assertTrue(baseline > 0.05, "the baseline finds the popular products: " + baseline);
        for (Algorithm algorithm : Algorithm.values()) {
            if (algorithm == Algorithm.POPULARITY) {
                continue;
            }
            RankingMetrics m = METRICS.get(algorithm);
            assertTrue(m.ndcgAtK() > 1.8 * baseline, algorithm + " nDCG@10 " + m.ndcgAtK() + " vs " + baseline);
            assertTrue(m.precisionAtK() > METRICS.get(Algorithm.POPULARITY).precisionAtK(), algorithm + " P@10");
            assertTrue(m.catalogueCoverage() > METRICS.get(Algorithm.POPULARITY).catalogueCoverage(),
                    algorithm + " covers more of the catalogue than the same ten products for everyone");
        }
    }

    @Test
    void latentFactorsRecoverThePlantedFamiliesAndSegments() {
        for (Algorithm algorithm : List.of(Algorithm.ALS, Algorithm.BPR)) {
            LatentFactorRecommender model = (LatentFactorRecommender) MODELS.get(algorithm);
            assertTrue(sameFamilyShareOfNearestProducts(model, 5) > 0.9, algorithm + " product neighbours");
            assertTrue(customersClosestToOwnSegment(model) > 0.8, algorithm + " customer segments");
        }
    }

    @Test
    void itemSimilaritiesRankOwnFamilyFirst() {
        SarRecommender sar = (SarRecommender) MODELS.get(Algorithm.SAR);
        ItemKnnRecommender knn = (ItemKnnRecommender) MODELS.get(Algorithm.ITEM_KNN);
        int products = data.matrix().productCount();
        int sarHits = 0;
        int knnHits = 0;
        for (int p = 0; p < products; p++) {
            int product = p;
            double[] s = new double[products];
            double[] k = new double[products];
            for (int q = 0; q < products; q++) {
                s[q] = q == p ? Double.NaN : sar.productSimilarity(p, q);
                k[q] = q == p ? Double.NaN : knn.productSimilarity(p, q);
            }
            sarHits += data.familyOfProduct()[TopK.select(s, 1, q -> true)[0]] == data.familyOfProduct()[product] ? 1 : 0;
            knnHits += data.familyOfProduct()[TopK.select(k, 1, q -> true)[0]] == data.familyOfProduct()[product] ? 1 : 0;
        }
        assertTrue(sarHits > 0.9 * products, "SAR most similar product in the same family: " + sarHits);
        assertTrue(knnHits > 0.9 * products, "kNN most similar product in the same family: " + knnHits);
    }

    @Test
    void recommendationsFollowTheCustomersSegment() {
        for (Algorithm algorithm : Algorithm.values()) {
            if (algorithm == Algorithm.POPULARITY) {
                continue;
            }
            Recommender model = MODELS.get(algorithm);
            int inSegment = 0;
            int total = 0;
            for (int c = 0; c < 300; c++) {
                for (int p : model.topProducts(c, 5, q -> true)) {
                    inSegment += data.familyOfProduct()[p] == data.segmentOfCustomer()[c] ? 1 : 0;
                    total++;
                }
            }
            assertTrue(inSegment > 0.7 * total, algorithm + ": " + inSegment + " of " + total + " in segment");
        }
    }

    @Test
    void neverRecommendsSeenOrExcludedProductsAndExplainsEachOne() {
        InteractionMatrix train = split.train();
        for (Recommender model : MODELS.values()) {
            for (int c = 0; c < 50; c++) {
                int customer = c;
                List<Recommendation> list = model.recommend(train.customers().id(c), 10, Set.of("P0000", "P0001"));
                assertEquals(10, list.size());
                for (Recommendation r : list) {
                    int p = train.products().indexOf(r.productId());
                    assertFalse(train.hasInteracted(customer, p), model.algorithm() + " recommended a seen product");
                    assertFalse(r.productId().equals("P0000") || r.productId().equals("P0001"), "excluded product");
                    assertFalse(r.reason().isBlank());
                }
                for (int r = 1; r < list.size(); r++) {
                    assertTrue(list.get(r - 1).score() >= list.get(r).score(), "best first");
                }
            }
        }
        assertTrue(MODELS.get(Algorithm.SAR).recommend(0, 1, p -> true).get(0).reason().startsWith("because you "));
        assertTrue(MODELS.get(Algorithm.CONTENT_BASED).recommend(0, 1, p -> true).get(0).reason().contains("family="));
    }

    @Test
    void anUnknownCustomerGetsThePopularProducts() {
        Recommender bpr = MODELS.get(Algorithm.BPR);
        List<Recommendation> coldStart = bpr.recommend("never-seen", 3, Set.of("P0000"));
        int[] counts = split.train().customersPerProduct();
        int[] mostChosen = TopK.select(java.util.Arrays.stream(counts).asDoubleStream().toArray(), 3,
                p -> !split.train().products().id(p).equals("P0000"));
        assertEquals(java.util.Arrays.stream(mostChosen).mapToObj(split.train().products()::id).toList(),
                coldStart.stream().map(Recommendation::productId).toList());
        assertEquals(Algorithm.POPULARITY, coldStart.get(0).algorithm());
        assertEquals(counts[mostChosen[0]], coldStart.get(0).score(), 0);
        assertTrue(coldStart.get(0).reason().startsWith("popular"));
    }

    @Test
    void fitsAreReproducibleFromTheSeed() {
        InteractionMatrix train = split.train();
        BprRecommender again = (BprRecommender) BprRecommender.Parameters.defaults().fit(train);
        BprRecommender first = (BprRecommender) MODELS.get(Algorithm.BPR);
        assertArrayEquals(first.productFactor(7), again.productFactor(7));
        BprRecommender otherSeed = (BprRecommender) new BprRecommender.Parameters(32, 0.05, 0.002, 10, 43).fit(train);
        assertFalse(java.util.Arrays.equals(first.productFactor(7), otherSeed.productFactor(7)));
        AlsRecommender als = (AlsRecommender) AlsRecommender.Parameters.defaults().fit(train);
        assertArrayEquals(((AlsRecommender) MODELS.get(Algorithm.ALS)).customerFactor(3), als.customerFactor(3));
    }

    @Test
    void conjugateGradientAgreesWithTheExactCholeskySolve() {
        AlsRecommender.Parameters cg = AlsRecommender.Parameters.defaults();
        AlsRecommender.Parameters exact = new AlsRecommender.Parameters(cg.factors(), cg.regularization(), cg.alpha(),
                cg.iterations(), AlsRecommender.Solver.CHOLESKY, cg.conjugateGradientSteps(), cg.seed());
        double ndcgExact = OfflineEvaluation.evaluate(exact.fit(split.train()), split, 10).ndcgAtK();
        assertEquals(ndcgExact, METRICS.get(Algorithm.ALS).ndcgAtK(), 0.02);
    }

    private static double sameFamilyShareOfNearestProducts(LatentFactorRecommender model, int neighbours) {
        int products = data.matrix().productCount();
        int same = 0;
        for (int p = 0; p < products; p++) {
            double[] similarity = new double[products];
            for (int q = 0; q < products; q++) {
                similarity[q] = q == p ? Double.NaN : model.productSimilarity(p, q);
            }
            for (int q : TopK.select(similarity, neighbours, q -> true)) {
                same += data.familyOfProduct()[q] == data.familyOfProduct()[p] ? 1 : 0;
            }
        }
        return (double) same / (products * neighbours);
    }

    /** Share of customers whose factor has the highest cosine with the mean factor of their own planted segment. */
    private static double customersClosestToOwnSegment(LatentFactorRecommender model) {
        int k = model.factors();
        int customers = data.matrix().customerCount();
        double[][] centroid = new double[SEGMENTS][k];
        for (int c = 0; c < customers; c++) {
            double[] x = unit(model.customerFactor(c));
            for (int f = 0; f < k; f++) {
                centroid[data.segmentOfCustomer()[c]][f] += x[f];
            }
        }
        int closest = 0;
        for (int c = 0; c < customers; c++) {
            double[] x = model.customerFactor(c);
            int best = -1;
            double bestCosine = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < SEGMENTS; s++) {
                double cosine = dot(unit(centroid[s]), unit(x));
                if (cosine > bestCosine) {
                    bestCosine = cosine;
                    best = s;
                }
            }
            closest += best == data.segmentOfCustomer()[c] ? 1 : 0;
        }
        return (double) closest / customers;
    }

    private static double[] unit(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        double[] u = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = norm == 0 ? 0 : v[i] / norm;
        }
        return u;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
