package org.retailcx.experiment;

import java.util.List;
import java.util.Map;

/**
 * Who is being assigned and under which overrides.
 *
 * @param attributes        the customer's attributes (JSON-shaped values)
 * @param url               the page URL, for QA query-string overrides; {@code null} for none
 * @param enabled           false switches every experiment off
 * @param qaMode            true enrols no one except through forced variations
 * @param forcedVariations  variation index per experiment key, applied before any hashing
 * @param savedGroups       named value lists for {@code $inGroup} conditions
 */
public record EvaluationContext(
        Map<String, Object> attributes,
        String url,
        boolean enabled,
        boolean qaMode,
        Map<String, Integer> forcedVariations,
        Map<String, List<Object>> savedGroups) {

    public EvaluationContext {
        attributes = attributes == null ? Map.of() : attributes;
        forcedVariations = forcedVariations == null ? Map.of() : Map.copyOf(forcedVariations);
        savedGroups = savedGroups == null ? Map.of() : Map.copyOf(savedGroups);
    }

    public static EvaluationContext of(Map<String, Object> attributes) {
        return new EvaluationContext(attributes, null, true, false, Map.of(), Map.of());
    }
}
