package org.retailcx.personalization.model.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evidently's default choice of drift test per column. With a reference of at most 1,000 rows: KS for numeric
 * columns with more than 5 distinct values, else χ² (more than 2 values) or the Z-test (binary). With a larger
 * reference: the normed Wasserstein distance for numeric columns with more than 5 distinct values, else
 * Jensen–Shannon. Distinct values are counted over both windows.
 */
public final class ColumnDrift {

    static final int SMALL_REFERENCE_ROWS = 1000;
    private static final int MAX_DISTINCT_FOR_CATEGORY_TESTS = 5;

    private ColumnDrift() {
    }

    public static DriftScore numeric(String column, double[] reference, double[] current) {
        requireRows(column, reference.length, current.length);
        long distinct = Arrays.stream(concat(reference, current)).distinct().count();
        if (distinct > MAX_DISTINCT_FOR_CATEGORY_TESTS) {
            return reference.length <= SMALL_REFERENCE_ROWS
                    ? DriftScore.of(column, DriftMethod.KOLMOGOROV_SMIRNOV, DriftTests.ksPValue(reference, current))
                    : DriftScore.of(column, DriftMethod.WASSERSTEIN_NORMED,
                    DriftTests.wassersteinNormed(reference, current));
        }
        if (reference.length > SMALL_REFERENCE_ROWS) {
            return DriftScore.of(column, DriftMethod.JENSEN_SHANNON,
                    DriftTests.jensenShannonNumeric(reference, current));
        }
        return categorical(column, boxed(reference), boxed(current));
    }

    public static <T> DriftScore categorical(String column, List<T> reference, List<T> current) {
        requireRows(column, reference.size(), current.size());
        if (reference.size() > SMALL_REFERENCE_ROWS) {
            return DriftScore.of(column, DriftMethod.JENSEN_SHANNON,
                    DriftTests.jensenShannonCategorical(reference, current));
        }
        Set<T> distinct = new HashSet<>(reference);
        distinct.addAll(current);
        return distinct.size() > 2
                ? DriftScore.of(column, DriftMethod.CHI_SQUARE, DriftTests.chiSquarePValue(reference, current))
                : DriftScore.of(column, DriftMethod.Z_TEST, DriftTests.zTestPValue(reference, current));
    }

    private static void requireRows(String column, int reference, int current) {
        if (reference == 0 || current == 0) {
            throw new IllegalArgumentException(column + ": both windows need at least one value");
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static List<Double> boxed(double[] values) {
        List<Double> boxed = new ArrayList<>(values.length);
        for (double value : values) {
            boxed.add(value);
        }
        return boxed;
    }
}
