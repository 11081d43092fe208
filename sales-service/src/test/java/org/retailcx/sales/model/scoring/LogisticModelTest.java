package org.retailcx.sales.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LogisticModelTest {

    private static List<LabeledLead> leads;
    private static LogisticModel model;

    @BeforeAll
    static void train() {
        leads = SyntheticLeads.generate(5_000, 17);
        model = new LogisticRegressionTrainer(TrainerConfig.defaults()
                .withEncoder(EncoderConfig.defaults().withSplineSegments(4))).train(leads);
    }

    @Test
    void jsonRoundTripGivesTheSameModelAndScores() {
        String json = model.toJson();
        LogisticModel restored = LogisticModel.fromJson(json);

        assertEquals(model, restored);
        assertEquals(json, restored.toJson());
        for (LabeledLead lead : leads.subList(0, 200)) {
            assertEquals(model.score(lead.lead()), restored.score(lead.lead()));
        }
        assertTrue(json.contains("\"formatVersion\":1"), json);
        assertTrue(json.contains("\"gradeThresholds\""), json);
    }

    @Test
    void refusesJsonThatIsNotAModelOfThisFormat() {
        String otherVersion = model.toJson().replace("\"formatVersion\":1", "\"formatVersion\":2");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LogisticModel.fromJson(otherVersion));
        assertTrue(error.getMessage().contains("format version 2"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogisticModel.fromJson("{\"intercept\":"));
    }

    @Test
    void scoresLeadsWithUnseenCategoriesMissingValuesAndExtraAttributes() {
        Map<String, Object> odd = new HashMap<>();
        odd.put("segment", "never-seen");
        odd.put("income", null);
        odd.put("favouriteColour", "teal");

        for (LeadFeatures lead : List.of(LeadFeatures.of(odd), LeadFeatures.of(Map.of()))) {
            LeadScore score = model.score(lead);
            assertTrue(score.probability() > 0 && score.probability() < 1, score.toString());
        }
    }

    @Test
    void gradesFollowTheTrainingScoreDistribution() {
        int[] perGrade = new int[4];
        for (LabeledLead lead : leads) {
            perGrade[model.score(lead.lead()).grade().ordinal()]++;
        }

        assertEquals(0.10, perGrade[0] / 5_000.0, 0.005);
        assertEquals(0.20, perGrade[1] / 5_000.0, 0.005);
        assertEquals(0.30, perGrade[2] / 5_000.0, 0.005);
        assertEquals(0.40, perGrade[3] / 5_000.0, 0.005);
    }

    @Test
    void higherProbabilityNeverGetsAWorseGrade() {
        LeadScore poor = model.score(LeadFeatures.of(Map.of("income", -2.0, "segment", "c")));
        LeadScore rich = model.score(LeadFeatures.of(Map.of("income", 2.0, "segment", "b")));

        assertTrue(rich.probability() > poor.probability());
        assertEquals(Grade.A, rich.grade());
        assertEquals(Grade.D, poor.grade());
    }

    @Test
    void isImmutable() {
        double[] coefficients = model.coefficients();
        coefficients[0] += 1;
        assertNotEquals(coefficients[0], model.coefficients()[0]);

        LogisticModel validated = model.withMetrics(Map.of("holdout.auc", 0.8));
        assertEquals(0.8, validated.metrics().get("holdout.auc"));
        assertTrue(!model.metrics().containsKey("holdout.auc"));
        assertThrows(UnsupportedOperationException.class, () -> validated.metrics().put("x", 1.0));
    }

    @Test
    void refusesCoefficientsThatDoNotMatchTheEncoder() {
        assertThrows(IllegalArgumentException.class, () -> new LogisticModel(LogisticModel.FORMAT_VERSION,
                model.encoder(), 0, new double[1], null, model.gradeThresholds(), Map.of()));
    }

    @Test
    void explanationsAreCoefficientsTimesDeviationsFromTheTrainingMeanAndSumToTheMargin() {
        for (LabeledLead lead : leads.subList(0, 50)) {
            Explanation why = model.explain(lead.lead());
            assertEquals(model.margin(lead.lead()), why.margin(), 1e-9);
            assertEquals(List.of("income", "segment"), List.copyOf(why.contributions().keySet()));
        }
        // a richer lead than average gets a positive income contribution (the slope is positive)
        Map<String, Object> rich = new HashMap<>();
        rich.put("income", 2.0);
        rich.put("segment", "a");
        assertTrue(model.explain(LeadFeatures.of(rich)).contributions().get("income") > 0);
        assertEquals("income", model.explain(LeadFeatures.of(rich)).top(1).get(0).feature());
    }
}
