package org.retailcx.sales.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

    private static final List<LabeledLead> LEADS = SyntheticLeads.generate(1_003, 23);
    private static final long POSITIVES = LEADS.stream().filter(LabeledLead::converted).count();

    @Test
    void stratifiedHoldoutKeepsTheConversionRateAndIsSeeded() {
        ModelValidation.Split split = ModelValidation.stratifiedHoldout(LEADS, 0.2, 99);

        assertEquals(LEADS.size(), split.training().size() + split.test().size());
        assertEquals(Math.round(0.2 * POSITIVES), positives(split.test()));
        assertEquals(Math.round(0.2 * (LEADS.size() - POSITIVES)), split.test().size() - positives(split.test()));
        Set<LabeledLead> all = new HashSet<>(split.training());
        all.addAll(split.test());
        assertEquals(LEADS.size(), all.size(), "parts are disjoint and cover every lead");

        assertEquals(split, ModelValidation.stratifiedHoldout(LEADS, 0.2, 99));
        assertNotEquals(split, ModelValidation.stratifiedHoldout(LEADS, 0.2, 100));
    }

    @Test
    void stratifiedFoldsTestEveryLeadExactlyOnceWithBalancedFolds() {
        List<ModelValidation.Split> folds = ModelValidation.stratifiedFolds(LEADS, 5, 1);

        Set<LabeledLead> tested = new HashSet<>();
        for (ModelValidation.Split fold : folds) {
            assertEquals(LEADS.size(), fold.training().size() + fold.test().size());
            assertTrue(Math.abs(fold.test().size() - LEADS.size() / 5.0) <= 1, "fold size " + fold.test().size());
            assertTrue(Math.abs(positives(fold.test()) - POSITIVES / 5.0) <= 1, "fold positives " + positives(fold.test()));
            fold.test().forEach(lead -> assertTrue(tested.add(lead), "tested twice"));
        }
        assertEquals(LEADS.size(), tested.size());
        assertEquals(folds, ModelValidation.stratifiedFolds(LEADS, 5, 1));
    }

    @Test
    void orderedHoldoutTestsOnTheLastPartInInputOrder() {
        ModelValidation.Split split = ModelValidation.orderedHoldout(LEADS, 0.2);

        assertEquals(LEADS.subList(0, 802), split.training());
        assertEquals(LEADS.subList(802, 1_003), split.test());
    }

    @Test
    void crossValidationGivesOneAucPerFold() {
        ModelValidation.CrossValidationResult result = ModelValidation.crossValidate(
                new LogisticRegressionTrainer(TrainerConfig.defaults()), LEADS, 4, 5);

        assertEquals(4, result.foldAuc().size());
        assertEquals(result.foldAuc().stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                result.meanAuc(), 1e-12);
        assertTrue(result.meanAuc() > 0.7 && result.sdAuc() > 0, result.toString());
    }

    private static long positives(List<LabeledLead> leads) {
        return leads.stream().filter(LabeledLead::converted).count();
    }

    private static List<LabeledLead> dated(String... dates) {
        List<LabeledLead> leads = new java.util.ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            java.util.Map<String, Object> f = new java.util.HashMap<>();
            f.put("contactDate", dates[i]);
            leads.add(new LabeledLead(new LeadFeatures("d" + i, f), i % 2 == 0));
        }
        return leads;
    }

    @Test
    void timeOrderedSplitsSortByTheTimeFieldStablyAndByDateOrShare() {
        List<LabeledLead> leads = dated("2026-03-01", "2026-01-15", "2026-02-01T10:00:00Z", "2026-01-15", "2026-04-30");
        ModelValidation.TimeSplit byDate = ModelValidation.timeOrdered(leads, "contactDate",
                java.time.LocalDate.parse("2026-02-15"));
        assertEquals(List.of("d1", "d3", "d2"), byDate.split().training().stream().map(l -> l.lead().id()).toList());
        assertEquals(List.of("d0", "d4"), byDate.split().test().stream().map(l -> l.lead().id()).toList());
        assertEquals("2026-01-15", byDate.trainFrom().toString());
        assertEquals("2026-02-01", byDate.trainTo().toString());
        assertEquals("2026-03-01", byDate.validateFrom().toString());

        ModelValidation.TimeSplit byShare = ModelValidation.timeOrdered(leads, "contactDate", 0.4);
        assertEquals(List.of("d1", "d3"), byShare.split().training().stream().map(l -> l.lead().id()).toList());
    }

    @Test
    void timeOrderedSplitsRefuseFieldsThatAreNotDatesAndRangesWithNothingAfter() {
        var notDate = org.junit.jupiter.api.Assertions.assertThrows(ModelValidation.NotADateException.class,
                () -> ModelValidation.timeOrdered(dated("2026-01-01", "soon"), "contactDate", 0.5));
        assertEquals("contactDate", notDate.field());
        assertTrue(notDate.getMessage().contains("row 1"), notDate.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(ModelValidation.NotADateException.class,
                () -> ModelValidation.timeOrdered(dated("2026-01-01"), "missing", 0.5));
        var empty = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ModelValidation.timeOrdered(dated("2026-01-01", "2026-01-02"), "contactDate",
                        java.time.LocalDate.parse("2027-01-01")));
        assertTrue(empty.getMessage().contains("no validation"), empty.getMessage());
    }
}
