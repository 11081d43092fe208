package org.retailcx.sales.model.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One lead as it arrives from the CRM: standard fields and free attributes flattened into one map.
 *
 * <p>A {@link Number} value is numeric; a {@link String} or {@link Boolean} value is categorical; a
 * {@code null} value (or an absent key) is missing. Any other type is rejected here, at the boundary, so
 * that the encoder never has to guess.
 */
public record LeadFeatures(String id, Map<String, Object> features) {

    public LeadFeatures {
        Objects.requireNonNull(features, "features");
        // LinkedHashMap because Map.copyOf rejects null values, and missing values are legitimate.
        Map<String, Object> copy = new LinkedHashMap<>();
        features.forEach((name, value) -> {
            Objects.requireNonNull(name, "feature name");
            if (value != null && !(value instanceof Number || value instanceof String || value instanceof Boolean)) {
                throw new IllegalArgumentException("feature '" + name + "' has unsupported type "
                        + value.getClass().getName() + " (expected Number, String, Boolean or null)");
            }
            copy.put(name, value);
        });
        features = Collections.unmodifiableMap(copy);
    }

    public static LeadFeatures of(Map<String, Object> features) {
        return new LeadFeatures(null, features);
    }

    /** The value of a feature, or {@code null} when it is missing. */
    public Object value(String name) {
        return features.get(name);
    }
}
