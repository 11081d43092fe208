package org.retailcx.sales.model.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Learned one-hot encoding of one categorical feature. Columns, in order: one per frequent level; an
 * "other" bucket for rare levels and levels never seen in training; a missing indicator (only if training
 * had at least the minimum count of missing values, otherwise missing goes to "other").
 */
public record CategoricalFeature(String name, List<String> levels, boolean missingIndicator) {

    public CategoricalFeature {
        Objects.requireNonNull(name, "name");
        levels = List.copyOf(levels);
    }

    /**
     * Keeps the levels seen at least {@code minCount} times. Empty when every training row would encode the
     * same, since such a column cannot tell leads apart.
     */
    static Optional<CategoricalFeature> fit(String name, List<Object> values, int minCount) {
        Map<String, Integer> counts = new TreeMap<>(); // sorted, so the column order is deterministic
        int missing = 0;
        for (Object value : values) {
            if (value == null) {
                missing++;
            } else {
                counts.merge(value.toString(), 1, Integer::sum);
            }
        }
        List<String> frequent = new ArrayList<>();
        int toOther = 0;
        for (Map.Entry<String, Integer> level : counts.entrySet()) {
            if (level.getValue() >= minCount) {
                frequent.add(level.getKey());
            } else {
                toOther += level.getValue();
            }
        }
        boolean missingIndicator = missing >= minCount;
        if (!missingIndicator) {
            toOther += missing;
        }
        int columnsUsed = frequent.size() + (toOther > 0 ? 1 : 0) + (missingIndicator ? 1 : 0);
        return columnsUsed < 2 ? Optional.empty()
                : Optional.of(new CategoricalFeature(name, frequent, missingIndicator));
    }

    int width() {
        return levels.size() + 1 + (missingIndicator ? 1 : 0);
    }

    List<String> columnNames() {
        List<String> names = new ArrayList<>();
        levels.forEach(level -> names.add(name + "=" + level));
        names.add(name + "#other");
        if (missingIndicator) {
            names.add(name + "#missing");
        }
        return names;
    }

    /** Writes this feature's columns into {@code row} from {@code offset}; {@code row} starts zeroed. */
    void encode(Object value, double[] row, int offset) {
        int other = offset + levels.size();
        if (value == null) {
            row[missingIndicator ? other + 1 : other] = 1;
            return;
        }
        // Levels are few (tens at most), so a linear search costs less than keeping a second, derived map.
        int level = levels.indexOf(value.toString());
        row[level >= 0 ? offset + level : other] = 1;
    }
}
