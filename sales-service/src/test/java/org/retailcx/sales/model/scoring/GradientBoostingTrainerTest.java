package org.retailcx.sales.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class GradientBoostingTrainerTest {

    private static final BoostingConfig CONFIG = BoostingConfig.defaults().withTreeShape(0.1, 3, 8, 20);

    /** Converts when exactly one of two signals is high (XOR): no additive model can rank these leads. */
    static List<LabeledLead> interaction(int n, long seed) {
        Random random = new Random(seed);
        List<LabeledLead> leads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = random.nextDouble();
            double b = random.nextDouble();
            boolean xor = (a > 0.5) != (b > 0.5);
            boolean converted = random.nextDouble() < (xor ? 0.8 : 0.2);
            leads.add(new LabeledLead(new LeadFeatures("x" + i, Map.of("a", a, "b", b,
                    "channel", random.nextBoolean() ? "web" : "branch")), converted));
        }
        return leads;
    }

    @Test
    void learnsAnInteractionThatTheLinearModelCannot() {
        List<LabeledLead> training = interaction(4000, 1);
        List<LabeledLead> test = interaction(2000, 2);
        BoostedTreesModel trees = new GradientBoostingTrainer(CONFIG).train(training);
        LogisticModel linear = new LogisticRegressionTrainer(TrainerConfig.defaults()).train(training);

        double treesAuc = ModelEvaluation.of(trees, test).auc();
        double linearAuc = ModelEvaluation.of(linear, test).auc();
        // the best possible AUC here is that of knowing the XOR: 0.8 * 0.8 + 0.5 * 2 * 0.8 * 0.2 = 0.8
        assertTrue(treesAuc > 0.77, "trees " + treesAuc);
        assertTrue(linearAuc < 0.56, "linear " + linearAuc);
        assertTrue(trees.trees().size() < CONFIG.maxTrees(), "early stopping stopped");
        assertTrue(trees.trees().stream().allMatch(t -> t.leaves() <= 8), "leaf limit");
    }

    @Test
    void stopsEarlyOnNoiseAndIsDeterministic() {
        Random random = new Random(5);
        List<LabeledLead> noise = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            noise.add(new LabeledLead(new LeadFeatures("n" + i, Map.of("x", random.nextGaussian())),
                    random.nextDouble() < 0.3));
        }
        BoostedTreesModel model = new GradientBoostingTrainer(CONFIG).train(noise);
        assertTrue(model.trees().size() <= 60, model.trees().size() + " trees on pure noise");
        assertEquals(model.toJson(), new GradientBoostingTrainer(CONFIG).train(noise).toJson());
    }

    @Test
    void explanationsSumToTheMarginAndJsonRoundTrips() {
        List<LabeledLead> training = interaction(3000, 3);
        BoostedTreesModel model = new GradientBoostingTrainer(CONFIG).train(training);
        BoostedTreesModel restored = (BoostedTreesModel) LeadScorer.fromJson(LeadScorer.GRADIENT_BOOSTED_TREES,
                model.toJson());
        assertEquals(model.toJson(), restored.toJson());
        for (LabeledLead lead : training.subList(0, 100)) {
            Explanation why = model.explain(lead.lead());
            assertEquals(model.margin(lead.lead()), why.margin(), 1e-9);
            assertEquals(model.probability(lead.lead()), restored.probability(lead.lead()));
            assertEquals(List.of("a", "b", "channel"), List.copyOf(why.contributions().keySet()));
        }
        Map<String, Double> gain = model.gainImportance();
        assertEquals(1.0, gain.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertTrue(gain.getOrDefault("channel", 0.0) < 0.1, "the irrelevant channel gains little: " + gain);
    }

    @Test
    void refittingKeepsTheNumberOfTreesAndLearnsFromAllRows() {
        List<LabeledLead> training = interaction(2000, 4);
        GradientBoostingTrainer trainer = new GradientBoostingTrainer(CONFIG);
        BoostedTreesModel validated = trainer.train(training);
        List<LabeledLead> more = new ArrayList<>(training);
        more.addAll(interaction(1000, 6));
        BoostedTreesModel refitted = (BoostedTreesModel) trainer.refitting(validated).train(more);
        assertEquals(validated.trees().size(), refitted.trees().size());
        assertEquals(3000.0, refitted.metrics().get("train.rows"));
        assertTrue(!refitted.metrics().containsKey("boosting.innerValidationLogLoss"), "no inner split on a refit");
    }

    @Test
    void binsAreDistinctValuesOrQuantilesAndTheMaximumIsNeverACut() {
        assertEquals(List.of(0.0), box(GradientBoostingTrainer.Binned.cutsOf(new double[] { 1, 0, 1, 0 }, 64)));
        double[] many = new double[1000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        double[] cuts = GradientBoostingTrainer.Binned.cutsOf(many, 4);
        assertEquals(List.of(249.0, 499.0, 749.0), box(cuts));
        assertEquals(0, GradientBoostingTrainer.Binned.binOf(cuts, 249));
        assertEquals(1, GradientBoostingTrainer.Binned.binOf(cuts, 249.5));
        assertEquals(3, GradientBoostingTrainer.Binned.binOf(cuts, 5000));
    }

    @Test
    void refusesDataItCannotLearnFrom() {
        List<LabeledLead> oneOutcome = interaction(500, 7).stream()
                .map(l -> new LabeledLead(l.lead(), false)).toList();
        assertThrows(IllegalArgumentException.class, () -> new GradientBoostingTrainer(CONFIG).train(oneOutcome));
        assertThrows(IllegalArgumentException.class, () -> BoostingConfig.defaults().withTreeShape(0.1, 2, 8, 10));
    }

    private static List<Double> box(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
