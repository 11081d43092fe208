package org.retailcx.sales.model.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureEncoderTest {

    private static final double EPS = 1e-12;

    private static LeadFeatures lead(Object... keyValues) {
        Map<String, Object> features = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            features.put((String) keyValues[i], keyValues[i + 1]);
        }
        return LeadFeatures.of(features);
    }

    private static List<LeadFeatures> leads(String name, Object... values) {
        List<LeadFeatures> leads = new ArrayList<>();
        for (Object value : values) {
            leads.add(lead(name, value));
        }
        return leads;
    }

    @Test
    void standardisesNumericsWithTrainingMeanAndSd() {
        FeatureEncoder encoder = FeatureEncoder.fit(leads("age", 20, 30, 40, 50), EncoderConfig.defaults());

        double sd = Math.sqrt(125); // population sd of 20, 30, 40, 50
        assertEquals(List.of("age"), encoder.columnNames());
        assertArrayEquals(new double[] {0}, encoder.encode(lead("age", 35)), EPS);
        // A later lead far outside the training range is scaled with the training figures, not its own.
        assertArrayEquals(new double[] {(95 - 35) / sd}, encoder.encode(lead("age", 95)), EPS);
    }

    @Test
    void oneHotEncodesFrequentCategoriesAndBucketsTheRestAsOther() {
        List<LeadFeatures> training = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            training.add(lead("channel", "web"));
            training.add(lead("channel", "branch"));
        }
        training.add(lead("channel", "fax")); // seen once: below the minimum count of 2

        FeatureEncoder encoder = FeatureEncoder.fit(training, EncoderConfig.defaults().withMinCategoryCount(2));

        assertEquals(List.of("channel=branch", "channel=web", "channel#other"), encoder.columnNames());
        assertArrayEquals(new double[] {0, 1, 0}, encoder.encode(lead("channel", "web")), EPS);
        assertArrayEquals(new double[] {0, 0, 1}, encoder.encode(lead("channel", "fax")), EPS);
        assertArrayEquals(new double[] {0, 0, 1}, encoder.encode(lead("channel", "app")), EPS, "unseen level");
        assertArrayEquals(new double[] {0, 0, 1}, encoder.encode(lead()), EPS, "missing, never missing in training");
    }

    @Test
    void booleansAreCategories() {
        FeatureEncoder encoder = FeatureEncoder.fit(leads("customer", true, false, true), EncoderConfig.defaults()
                .withMinCategoryCount(1));

        assertEquals(List.of("customer=false", "customer=true", "customer#other"), encoder.columnNames());
        assertArrayEquals(new double[] {0, 1, 0}, encoder.encode(lead("customer", true)), EPS);
    }

    @Test
    void addsMissingIndicatorsOnlyWhereTrainingHadMissingValues() {
        List<LeadFeatures> training = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            training.add(lead("income", 1000.0 * (i + 1), "segment", null, "age", 30 + i));
            training.add(lead("income", null, "segment", "retail", "age", 40 + i));
        }
        FeatureEncoder encoder = FeatureEncoder.fit(training, EncoderConfig.defaults().withMinCategoryCount(2));

        assertEquals(List.of("age", "income", "income#missing", "segment=retail", "segment#other", "segment#missing"),
                encoder.columnNames());
        double[] row = encoder.encode(lead("age", null, "income", null, "segment", null));
        // age never missed in training: imputed at its training mean (0 after standardising), no indicator.
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 1}, row, EPS);
        // The income mean comes from the non-missing values only: 2500.
        assertEquals(0, encoder.encode(lead("income", 2500))[1], EPS);
    }

    @Test
    void nonNumberInANumericFeatureCountsAsMissingAtScoringTime() {
        List<LeadFeatures> training = leads("income", 1.0, 2.0, null);
        FeatureEncoder encoder = FeatureEncoder.fit(training, EncoderConfig.defaults());

        assertArrayEquals(encoder.encode(lead("income", null)), encoder.encode(lead("income", "n/a")), EPS);
        assertArrayEquals(encoder.encode(lead("income", null)), encoder.encode(lead("income", Double.NaN)), EPS);
    }

    @Test
    void sentinelValuesGetAnIndicatorAndStayOutOfTheStatistics() {
        FeatureEncoder encoder = FeatureEncoder.fit(leads("daysSinceContact", 3, 5, 999, 999, 7),
                EncoderConfig.defaults().withSentinel("daysSinceContact", 999));

        assertEquals(List.of("daysSinceContact", "daysSinceContact#=999.0"), encoder.columnNames());
        NumericFeature feature = encoder.numericFeatures().get(0);
        assertEquals(5, feature.mean(), EPS);
        assertArrayEquals(new double[] {0, 1}, encoder.encode(lead("daysSinceContact", 999)), EPS);
        assertArrayEquals(new double[] {0, 0}, encoder.encode(lead("daysSinceContact", 5)), EPS);
    }

    @Test
    void splineAddsHingesAtTrainingQuantilesAndExtrapolatesLinearly() {
        Object[] values = new Object[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = (double) (i + 1); // 1..100
        }
        FeatureEncoder encoder = FeatureEncoder.fit(leads("x", values), EncoderConfig.defaults().withSplineSegments(4));

        NumericFeature feature = encoder.numericFeatures().get(0);
        assertEquals(List.of(25.0, 50.0, 75.0), feature.knots());
        assertEquals(List.of("x", "x#above 25.0", "x#above 50.0", "x#above 75.0"), encoder.columnNames());
        double sd = feature.standardDeviation();
        assertArrayEquals(new double[] {(60 - 50.5) / sd, 35 / sd, 10 / sd, 0}, encoder.encode(lead("x", 60)), EPS);
        // Beyond the training range every hinge keeps growing: linear extrapolation, no edge bin.
        assertArrayEquals(new double[] {(200 - 50.5) / sd, 175 / sd, 150 / sd, 125 / sd},
                encoder.encode(lead("x", 200)), EPS);
    }

    @Test
    void fewValuedNumericsGetFewerKnots() {
        FeatureEncoder encoder = FeatureEncoder.fit(leads("previousContacts", 0, 0, 0, 0, 0, 0, 1, 1, 2, 3),
                EncoderConfig.defaults().withSplineSegments(10));

        assertEquals(List.of(1.0, 2.0), encoder.numericFeatures().get(0).knots());
    }

    @Test
    void excludeAndIncludeChooseTheFeatures() {
        List<LeadFeatures> training = List.of(
                lead("age", 30, "duration", 100, "channel", "web"),
                lead("age", 40, "duration", 200, "channel", "branch"));

        FeatureEncoder withoutDuration = FeatureEncoder.fit(training,
                EncoderConfig.defaults().withMinCategoryCount(1).excluding("duration"));
        FeatureEncoder onlyAge = FeatureEncoder.fit(training, EncoderConfig.defaults().including("age"));

        assertFalse(withoutDuration.columnNames().contains("duration"));
        assertTrue(withoutDuration.columnNames().contains("age"));
        assertEquals(List.of("age"), onlyAge.columnNames());
        // Attributes the encoder does not know, such as the excluded one, are ignored when scoring.
        assertArrayEquals(withoutDuration.encode(lead("age", 30, "channel", "web")),
                withoutDuration.encode(lead("age", 30, "channel", "web", "duration", 5000, "newField", "x")), EPS);
    }

    @Test
    void dropsConstantFeatures() {
        FeatureEncoder encoder = FeatureEncoder.fit(List.of(
                lead("age", 30, "country", "PT", "flag", 1),
                lead("age", 40, "country", "PT", "flag", 1)), EncoderConfig.defaults());

        assertEquals(List.of("age"), encoder.columnNames());
    }

    @Test
    void failsClearlyOnUnusableTrainingData() {
        assertThrows(IllegalArgumentException.class, () -> FeatureEncoder.fit(List.of(), EncoderConfig.defaults()));

        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> FeatureEncoder.fit(leads("income", 1200, "n/a"), EncoderConfig.defaults()));
        assertTrue(mixed.getMessage().contains("income"), mixed.getMessage());

        IllegalArgumentException missingInclude = assertThrows(IllegalArgumentException.class,
                () -> FeatureEncoder.fit(leads("age", 1, 2), EncoderConfig.defaults().including("tenure")));
        assertTrue(missingInclude.getMessage().contains("tenure"), missingInclude.getMessage());

        IllegalArgumentException noFeatures = assertThrows(IllegalArgumentException.class,
                () -> FeatureEncoder.fit(leads("duration", 1, 2), EncoderConfig.defaults().excluding("duration")));
        assertTrue(noFeatures.getMessage().contains("no usable features"), noFeatures.getMessage());

        IllegalArgumentException categoricalSentinel = assertThrows(IllegalArgumentException.class,
                () -> FeatureEncoder.fit(leads("channel", "web", "branch"),
                        EncoderConfig.defaults().withSentinel("channel", 999)));
        assertTrue(categoricalSentinel.getMessage().contains("channel"), categoricalSentinel.getMessage());
    }

    @Test
    void columnNamesMatchTheEncodedWidth() {
        List<LeadFeatures> training = new ArrayList<>();
        SyntheticLeads.generate(500, 1).forEach(labeled -> training.add(labeled.lead()));
        FeatureEncoder encoder = FeatureEncoder.fit(training, EncoderConfig.defaults().withSplineSegments(5));

        assertEquals(encoder.dimension(), encoder.columnNames().size());
        assertEquals(encoder.dimension(), encoder.encode(training.get(0)).length);
    }
}
