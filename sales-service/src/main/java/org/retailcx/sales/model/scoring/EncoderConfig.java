package org.retailcx.sales.model.scoring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How {@link FeatureEncoder#fit} turns raw lead attributes into model columns. Nothing here is specific to
 * one data set: the data decides which features are numeric or categorical, this only steers.
 *
 * @param includeFeatures  features to use; empty means every feature seen in the training data
 * @param excludeFeatures  features never to use, e.g. ones known only after the outcome (call duration)
 * @param minCategoryCount a category seen fewer times than this in training goes to the "other" bucket,
 *                         so that the model does not learn from a handful of rows
 * @param splineSegments   each numeric's effect is made piecewise linear over this many quantile segments of
 *                         its training values (a linear spline: hinge columns at the interior quantiles, next
 *                         to the linear term), for effects that are not straight lines; 0 or 1 for linear only
 * @param sentinelValues   per numeric feature, codes that mean "not applicable" rather than a quantity
 *                         (e.g. 999 days since last contact = never contacted): each gets an indicator
 *                         column and is kept out of the mean, sd and spline knots
 */
public record EncoderConfig(
        Set<String> includeFeatures,
        Set<String> excludeFeatures,
        int minCategoryCount,
        int splineSegments,
        Map<String, Set<Double>> sentinelValues) {

    public static final int DEFAULT_MIN_CATEGORY_COUNT = 20;

    public EncoderConfig {
        includeFeatures = Set.copyOf(includeFeatures);
        excludeFeatures = Set.copyOf(excludeFeatures);
        sentinelValues = sentinelValues.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        if (minCategoryCount < 1) {
            throw new IllegalArgumentException("minCategoryCount must be >= 1: " + minCategoryCount);
        }
        if (splineSegments < 0) {
            throw new IllegalArgumentException("splineSegments must be >= 0: " + splineSegments);
        }
    }

    /** Every feature, categories seen at least 20 times, linear numerics, no sentinels. */
    public static EncoderConfig defaults() {
        return new EncoderConfig(Set.of(), Set.of(), DEFAULT_MIN_CATEGORY_COUNT, 0, Map.of());
    }

    public EncoderConfig including(String... features) {
        return new EncoderConfig(Set.of(features), excludeFeatures, minCategoryCount, splineSegments, sentinelValues);
    }

    public EncoderConfig excluding(String... features) {
        Set<String> excluded = new HashSet<>(excludeFeatures);
        excluded.addAll(Arrays.asList(features));
        return new EncoderConfig(includeFeatures, excluded, minCategoryCount, splineSegments, sentinelValues);
    }

    public EncoderConfig withMinCategoryCount(int count) {
        return new EncoderConfig(includeFeatures, excludeFeatures, count, splineSegments, sentinelValues);
    }

    public EncoderConfig withSplineSegments(int segments) {
        return new EncoderConfig(includeFeatures, excludeFeatures, minCategoryCount, segments, sentinelValues);
    }

    public EncoderConfig withSentinel(String feature, double... values) {
        Map<String, Set<Double>> sentinels = new HashMap<>(sentinelValues);
        sentinels.put(feature, Arrays.stream(values).boxed().collect(Collectors.toSet()));
        return new EncoderConfig(includeFeatures, excludeFeatures, minCategoryCount, splineSegments, sentinels);
    }

    boolean uses(String feature) {
        return !excludeFeatures.contains(feature) && (includeFeatures.isEmpty() || includeFeatures.contains(feature));
    }

    Set<Double> sentinelsOf(String feature) {
        return sentinelValues.getOrDefault(feature, Set.of());
    }
}
