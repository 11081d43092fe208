package org.retailcx.personalization.model.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values over a family of tests (metrics × variations), in the input's order: Holm–Bonferroni controls
 * the family-wise error rate, Benjamini–Hochberg the false discovery rate. Compare an adjusted p-value with α.
 */
public final class MultipleComparisons {

    private MultipleComparisons() {
    }

    public static double[] holm(double[] pValues) {
        int m = pValues.length;
        Integer[] order = ascending(pValues);
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    public static double[] benjaminiHochberg(double[] pValues) {
        int m = pValues.length;
        Integer[] order = ascending(pValues);
        double[] adjusted = new double[m];
        double running = 1;
        for (int rank = m - 1; rank >= 0; rank--) {
            int i = order[rank];
            running = Math.min(running, pValues[i] * m / (rank + 1));
            adjusted[i] = running;
        }
        return adjusted;
    }

    private static Integer[] ascending(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        return order;
    }
}
