package org.retailcx.personalization.model.features;

import java.util.Map;

/** An entity row with the value of each requested feature as of its time; a feature with no valid value is null. */
public record FeatureRow(EntityRow row, Map<String, Object> values) {
}
