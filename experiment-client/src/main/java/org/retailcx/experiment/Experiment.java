package org.retailcx.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An experiment definition in GrowthBook's shape (the part that decides who sees what).
 *
 * @param key           experiment key; also the hash seed when {@code seed} is null
 * @param variations    variation values (any JSON-shaped value), at least two for the experiment to run
 * @param weights       traffic share per variation; {@code null} for equal weights
 * @param coverage      share of eligible customers enrolled, 0..1; {@code null} for everyone
 * @param hashAttribute attribute whose value is hashed; {@code null} for {@code id}
 * @param seed          hash seed; {@code null} for the key
 * @param hashVersion   1 (GrowthBook's original) or 2 (unbiased)
 * @param namespace     mutually exclusive slice; ignored when {@code filters} is set
 * @param filters       hash filters that must all keep the customer; empty for none
 * @param ranges        explicit bucket ranges, overriding weights and coverage; {@code null} for none
 * @param condition     targeting condition on attributes; {@code null} for everyone
 * @param force         variation index every enrolled customer gets; {@code null} for none
 * @param active        an inactive experiment enrols no one (forced variations still apply)
 */
public record Experiment(
        String key,
        List<Object> variations,
        List<Double> weights,
        Double coverage,
        String hashAttribute,
        String seed,
        int hashVersion,
        Namespace namespace,
        List<BucketFilter> filters,
        List<VariationRange> ranges,
        Map<String, Object> condition,
        Integer force,
        boolean active) {

    public Experiment {
        variations = Collections.unmodifiableList(new ArrayList<>(variations));
        weights = weights == null ? null : List.copyOf(weights);
        filters = filters == null ? List.of() : List.copyOf(filters);
        ranges = ranges == null ? null : List.copyOf(ranges);
    }

    /** An active, fully covered, equally weighted experiment hashed on {@code id} with hash version 1. */
    public static Experiment of(String key, List<Object> variations) {
        return new Experiment(key, variations, null, null, null, null, 1, null, List.of(), null, null, null, true);
    }
}
