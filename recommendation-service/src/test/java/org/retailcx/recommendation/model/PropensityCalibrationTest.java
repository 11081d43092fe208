package org.retailcx.recommendation.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PropensityCalibrationTest {

    @Test
    void poolAdjacentViolatorsByHand() {
        // scores 1..6 with outcomes 0 1 0 1 1 0: (1)=0, (2,3) pool to 0.5, (4,5,6) pool to 2/3
        double[] score = {4, 1, 6, 2, 5, 3};
        boolean[] outcome = {true, false, false, true, true, false};
        PropensityCalibration.Isotonic map = PropensityCalibration.Isotonic.fit(score, outcome);
        assertArrayEquals(new double[] {1, 2, 4}, map.lowerBounds());
        assertArrayEquals(new double[] {0, 0.5, 2 / 3.0}, map.values(), 1e-12);
        assertEquals(0, map.apply(0.5), "below the first bound: the first block");
        assertEquals(0.5, map.apply(3.9), 1e-12);
        assertEquals(2 / 3.0, map.apply(100), 1e-12);
        // equal scores are one block, whatever their order
        var ties = PropensityCalibration.Isotonic.fit(new double[] {1, 1, 2}, new boolean[] {true, false, true});
        assertArrayEquals(new double[] {0.5, 1}, ties.values(), 1e-12);
    }

    @Test
    void affinityIsThePercentileOfTheScore() {
        double[] sorted = {0.1, 0.2, 0.2, 0.9};
        assertEquals(1 / 5.0, PropensityCalibration.affinity(sorted, 0.1), 1e-12);
        assertEquals(2 / 5.0, PropensityCalibration.affinity(sorted, 0.2), 1e-12);
        assertEquals(4 / 5.0, PropensityCalibration.affinity(sorted, 0.9), 1e-12);
    }

    @Test
    void calibratedPropensitiesMatchHeldOutRatesOnPlantedSegments() {
        var data = PlantedInteractions.generate(2000, 60, 6, 10, 0.8, 3);
        var fit = PropensityCalibration.fit(data.matrix(), new SarRecommender.Parameters(
                SarRecommender.Similarity.JACCARD, false, java.time.Duration.ofDays(30), 1), 0.75, 42, 2000);
        // the percentile is no probability: the base rate is a few per cent, the top decile's affinity ~0.95
        assertTrue(fit.uncalibrated().expectedCalibrationError() > 0.3, "raw " + fit.uncalibrated());
        assertTrue(fit.calibrated().expectedCalibrationError() < 0.02, "calibrated " + fit.calibrated());
        assertTrue(fit.calibrated().brierScore() < fit.uncalibrated().brierScore());
        // a model that recovers the segments ranks: the top decile converts far more often than the bottom one
        var bins = fit.calibrated().bins();
        assertTrue(bins.get(9).observedRate() > 5 * Math.max(1e-3, bins.get(0).observedRate()), bins.toString());
        assertTrue(fit.positives() > 100);
    }

    @Test
    void refusesTooFewHeldOutPositives() {
        var tiny = InteractionMatrix.builder().add("a", "p", InteractionType.PURCHASE, 0)
                .add("b", "q", InteractionType.PURCHASE, 0).build();
        assertThrows(IllegalArgumentException.class, () -> PropensityCalibration.fit(tiny,
                new PopularityRecommender.Parameters(), 0.75, 42, 100));
    }
}
