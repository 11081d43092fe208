package org.retailcx.personalization.model.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * Drift statistics against scipy 1.17 (what Evidently calls) on reproducible data, and the KS test also against
 * Hipparchus' implementation. Reference values were computed with scipy on exactly these inputs.
 */
class DriftTestsTest {

    /** Golden-ratio fractions on [0, 1) against a shifted, narrower sequence on [0.25, 1.05). */
    private static double[] reference(int n) {
        double[] values = new double[n];
        for (int i = 1; i <= n; i++) {
            values[i - 1] = (i * 0.6180339887) % 1.0;
        }
        return values;
    }

    private static double[] shifted(int n, double scale, double offset) {
        double[] values = new double[n];
        for (int j = 1; j <= n; j++) {
            values[j - 1] = ((j * 0.41421356) % 1.0) * scale + offset;
        }
        return values;
    }

    @Test
    void ksMatchesScipyAndHipparchusOnSmallSamples() {
        double[] x = reference(40);
        double[] y = shifted(30, 0.8, 0.25);
        assertEquals(0.275, DriftTests.ksStatistic(x, y), 1e-12);
        assertEquals(0.12755887464860563, DriftTests.ksPValue(x, y), 1e-9, "scipy ks_2samp exact");
        KolmogorovSmirnovTest hipparchus = new KolmogorovSmirnovTest();
        assertEquals(hipparchus.kolmogorovSmirnovStatistic(x, y), DriftTests.ksStatistic(x, y), 1e-12);
        assertEquals(hipparchus.kolmogorovSmirnovTest(x, y, false), DriftTests.ksPValue(x, y), 1e-9,
                "Hipparchus exact P(D >= d)");
    }

    @Test
    void ksHandlesTiesInTheStatistic() {
        double[] a = {1, 2, 2, 3, 3, 3, 4, 5, 6, 7};
        double[] b = {3, 4, 4, 5, 5, 6, 7, 8, 8, 9, 9};
        // F_a(3) = 6/10, F_b(3) = 1/11: D = 0.6 − 1/11 = 0.50909
        assertEquals(0.6 - 1.0 / 11, DriftTests.ksStatistic(a, b), 1e-12);
        assertEquals(0.10609668968802095, DriftTests.ksPValue(a, b), 1e-9, "scipy ks_2samp exact");
    }

    @Test
    void ksUsesKolmogorovsLimitForLargeSamples() {
        double[] x = reference(12_000);
        double[] y = shifted(12_000, 0.98, 0.01);
        double p = DriftTests.ksPValue(x, y);
        // scipy's asymptotic branch uses the finite-n distribution kstwo at n = 6,000 (0.56107); the limit is
        // slightly more conservative
        assertEquals(0.5610744505740168, p, 5e-3, "scipy asymptotic");
        assertEquals(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(x, y), p, 1e-9,
                "Hipparchus uses the same limit above 10,000 pairs");
    }

    @Test
    void wassersteinNormedByReferenceSd() {
        assertEquals(0.5084810185443436, DriftTests.wassersteinNormed(reference(40), shifted(30, 0.8, 0.25)), 1e-12);
        assertEquals(0, DriftTests.wassersteinNormed(reference(40), reference(40)), 1e-15);
    }

    private static List<String> counts(String... valueThenCount) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < valueThenCount.length; i += 2) {
            values.addAll(Collections.nCopies(Integer.parseInt(valueThenCount[i + 1]), valueThenCount[i]));
        }
        return values;
    }

    @Test
    void chiSquareAgainstReferenceShares() {
        // expected 47.5, 28.5, 19: χ² = 17.5²/47.5 + 1.5²/28.5 + 16²/19 = 20.0
        double p = DriftTests.chiSquarePValue(counts("a", "50", "b", "30", "c", "20"),
                counts("a", "30", "b", "30", "c", "35"));
        assertEquals(4.539992976248486e-05, p, 1e-12, "scipy chisquare");
        assertEquals(0, DriftTests.chiSquarePValue(counts("a", "5", "b", "5"), counts("a", "5", "z", "1")));
    }

    @Test
    void zTestOnProportions() {
        // 40 % vs 62.5 %, pooled 50 %: z = −0.225 / √(0.25 · 0.0225) = −3
        double p = DriftTests.zTestPValue(counts("yes", "40", "no", "60"), counts("yes", "50", "no", "30"));
        assertEquals(0.002699796063260207, p, 1e-12);
        assertEquals(1, DriftTests.zTestPValue(counts("yes", "3"), counts("yes", "4")));
    }

    @Test
    void jensenShannonAndPsiOnCategories() {
        List<String> ref = counts("a", "50", "b", "30", "c", "20");
        List<String> cur = counts("a", "30", "b", "30", "c", "35", "d", "5");
        assertEquals(0.19997938708212656, DriftTests.jensenShannonCategorical(ref, cur), 1e-12, "scipy");
        assertEquals(0.49621643705477886, DriftTests.psiCategorical(ref, cur), 1e-12);
        assertEquals(0, DriftTests.jensenShannonCategorical(ref, ref), 1e-12);
    }

    @Test
    void jensenShannonAndPsiOnSturgesBins() {
        double[] x = reference(40);
        double[] y = shifted(30, 0.8, 0.25);
        assertEquals(0.28409731499639584, DriftTests.jensenShannonNumeric(x, y), 1e-12, "numpy sturges + scipy");
        assertEquals(1.3394987396497415, DriftTests.psiNumeric(x, y), 1e-12);
    }

    @Test
    void evidentlysDefaultTestPerColumn() {
        assertEquals(DriftMethod.KOLMOGOROV_SMIRNOV,
                ColumnDrift.numeric("balance", reference(1000), shifted(500, 1, 0)).method());
        assertEquals(DriftMethod.WASSERSTEIN_NORMED,
                ColumnDrift.numeric("balance", reference(1001), shifted(500, 1, 0)).method());
        double[] products = {1, 2, 3, 1, 2, 3};
        assertEquals(DriftMethod.CHI_SQUARE, ColumnDrift.numeric("products", products, products).method());
        assertEquals(DriftMethod.Z_TEST,
                ColumnDrift.categorical("churned", counts("y", "5", "n", "5"), counts("y", "1", "n", "2")).method());
        assertEquals(DriftMethod.JENSEN_SHANNON,
                ColumnDrift.categorical("segment", counts("a", "600", "b", "401"), counts("a", "10")).method());
        assertEquals(DriftMethod.JENSEN_SHANNON,
                ColumnDrift.numeric("products", new double[1500], new double[10]).method());
    }

    @Test
    void aShiftedColumnDriftsAndTheDataSetWithHalfItsColumns() {
        DriftScore shiftedBalance = ColumnDrift.numeric("balance", reference(40), shifted(30, 0.8, 0.25));
        assertFalse(shiftedBalance.drifted(), "p 0.128 > 0.05");
        DriftScore segment = ColumnDrift.categorical("segment", counts("a", "50", "b", "30", "c", "20"),
                counts("a", "30", "b", "30", "c", "35"));
        assertTrue(segment.drifted());
        DriftScore stable = ColumnDrift.categorical("channel", counts("web", "50", "app", "50"),
                counts("web", "50", "app", "50"));
        assertFalse(stable.drifted());
        assertTrue(DatasetDrift.of(List.of(shiftedBalance, segment)).drifted(), "1 of 2 columns is 50 %");
        DatasetDrift third = DatasetDrift.of(List.of(shiftedBalance, segment, stable));
        assertEquals(1.0 / 3, third.driftedShare(), 1e-12);
        assertFalse(third.drifted());
    }
}
