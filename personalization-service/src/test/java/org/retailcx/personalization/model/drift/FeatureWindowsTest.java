package org.retailcx.personalization.model.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.retailcx.personalization.model.drift.FeatureWindows.Windows;

class FeatureWindowsTest {

    private static List<Double> normal(Random r, int n, double mean) {
        List<Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(mean + r.nextGaussian());
        }
        return values;
    }

    private static List<String> channels(Random r, int n, double mobileShare) {
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            values.add(u < mobileShare ? "mobile" : u < mobileShare + (1 - mobileShare) / 2 ? "web" : "branch");
        }
        return values;
    }

    @Test
    void aShiftedNumericFeatureDriftsAndAnUnshiftedOneDoesNot() {
        Random r = new Random(12);
        var features = new TreeMap<String, Windows>();
        features.put("balance", new Windows(normal(r, 500, 0), normal(r, 500, 1.0)));
        features.put("tenure", new Windows(normal(r, 500, 0), normal(r, 500, 0)));
        DatasetDrift report = FeatureWindows.report(features);
        DriftScore balance = report.columns().get(0);
        DriftScore tenure = report.columns().get(1);
        assertEquals("balance", balance.column());
        assertEquals(DriftMethod.KOLMOGOROV_SMIRNOV, balance.method());
        assertTrue(balance.drifted());
        assertFalse(tenure.drifted());
        assertEquals(0.5, report.driftedShare(), 0);
        assertTrue(report.drifted(), "half the columns drifting is Evidently's data-set drift");
    }

    @Test
    void stringFeaturesAreCategoricalAndLargeReferencesUseDistances() {
        Random r = new Random(7);
        var features = new TreeMap<String, Windows>();
        features.put("channel", new Windows(channels(r, 800, 0.2), channels(r, 800, 0.2)));
        features.put("income", new Windows(normal(r, 2000, 0), normal(r, 2000, 0)));
        features.put("score", new Windows(normal(r, 2000, 0), normal(r, 2000, 0.5)));
        DatasetDrift report = FeatureWindows.report(features);
        assertEquals(DriftMethod.CHI_SQUARE, report.columns().get(0).method());
        assertFalse(report.columns().get(0).drifted());
        assertEquals(DriftMethod.WASSERSTEIN_NORMED, report.columns().get(1).method());
        assertFalse(report.columns().get(1).drifted());
        assertTrue(report.columns().get(2).drifted());
        assertFalse(report.drifted(), "one column of three is below the 50 % share");
    }
}
