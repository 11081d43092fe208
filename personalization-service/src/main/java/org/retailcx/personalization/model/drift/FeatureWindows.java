package org.retailcx.personalization.model.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A drift report over feature values as a feature store holds them (JSON numbers, strings, booleans): per feature,
 * numeric windows go to {@link ColumnDrift#numeric}, any other to {@link ColumnDrift#categorical}; the data set's
 * verdict is {@link DatasetDrift}'s. Features are scored in the order the map iterates (pass a sorted map for a
 * stable report).
 */
public final class FeatureWindows {

    private FeatureWindows() {
    }

    public record Windows(List<?> reference, List<?> current) {
    }

    public static DatasetDrift report(Map<String, Windows> features) {
        List<DriftScore> scores = new ArrayList<>(features.size());
        features.forEach((name, w) -> scores.add(score(name, w)));
        return DatasetDrift.of(scores);
    }

    static DriftScore score(String name, Windows w) {
        if (allNumbers(w.reference()) && allNumbers(w.current())) {
            return ColumnDrift.numeric(name, doubles(w.reference()), doubles(w.current()));
        }
        return ColumnDrift.categorical(name, strings(w.reference()), strings(w.current()));
    }

    private static boolean allNumbers(List<?> values) {
        return values.stream().allMatch(v -> v instanceof Number);
    }

    private static double[] doubles(List<?> values) {
        return values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static List<String> strings(List<?> values) {
        return values.stream().map(String::valueOf).toList();
    }
}
