package org.retailcx.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * Reads an experiment definition in GrowthBook's JSON shape ({@code key, variations, weights, coverage,
 * hashAttribute, seed, hashVersion, namespace: [id, start, end], filters: [{seed, attribute, ranges,
 * hashVersion}], ranges, condition, force, active}). Fields it does not know are ignored, as GrowthBook SDKs do.
 */
public final class ExperimentDefinitions {

    private static final int DEFAULT_HASH_VERSION = 1;
    private static final int DEFAULT_FILTER_HASH_VERSION = 2;

    private ExperimentDefinitions() {
    }

    /** @throws IllegalArgumentException naming the field when a required field is missing or has the wrong type */
    public static Experiment fromJson(Map<String, Object> json) {
        Object key = json.get("key");
        if (!(key instanceof String experimentKey) || experimentKey.isEmpty()) {
            throw new IllegalArgumentException("key: required, a non-empty string");
        }
        if (!(json.get("variations") instanceof List<?> variations)) {
            throw new IllegalArgumentException("variations: required, an array");
        }
        Object hashVersion = json.get("hashVersion");
        return new Experiment(
                experimentKey,
                new ArrayList<>(variations),
                json.get("weights") == null ? null : numbers(json.get("weights"), "weights"),
                json.get("coverage") == null ? null : number(json.get("coverage"), "coverage"),
                string(json.get("hashAttribute"), "hashAttribute"),
                string(json.get("seed"), "seed"),
                hashVersion == null ? DEFAULT_HASH_VERSION : (int) number(hashVersion, "hashVersion"),
                json.get("namespace") == null ? null : namespace(json.get("namespace")),
                json.get("filters") == null ? List.of() : filters(json.get("filters")),
                json.get("ranges") == null ? null : ranges(json.get("ranges"), "ranges"),
                json.get("condition") == null ? null : condition(json.get("condition"), "condition"),
                json.get("force") == null ? null : (int) number(json.get("force"), "force"),
                !Boolean.FALSE.equals(json.get("active")));
    }

    private static double number(Object value, String field) {
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(field + ": expected a number, got " + value);
        }
        return number.doubleValue();
    }

    private static String string(Object value, String field) {
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(field + ": expected a string, got " + value);
        }
        return (String) value;
    }

    private static List<Double> numbers(Object value, String field) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(field + ": expected an array of numbers");
        }
        List<Double> numbers = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            numbers.add(number(list.get(i), field + "[" + i + "]"));
        }
        return numbers;
    }

    private static List<VariationRange> ranges(Object value, String field) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(field + ": expected an array of [start, end] pairs");
        }
        List<VariationRange> ranges = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            List<Double> pair = numbers(list.get(i), field + "[" + i + "]");
            if (pair.size() != 2) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected [start, end]");
            }
            ranges.add(new VariationRange(pair.get(0), pair.get(1)));
        }
        return ranges;
    }

    private static Namespace namespace(Object value) {
        if (!(value instanceof List<?> list) || list.size() != 3 || !(list.get(0) instanceof String id)) {
            throw new IllegalArgumentException("namespace: expected [id, start, end]");
        }
        return new Namespace(id, number(list.get(1), "namespace[1]"), number(list.get(2), "namespace[2]"));
    }

    private static List<BucketFilter> filters(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("filters: expected an array");
        }
        List<BucketFilter> filters = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String field = "filters[" + i + "]";
            Map<String, Object> filter = condition(list.get(i), field);
            Object seed = filter.get("seed");
            if (!(seed instanceof String filterSeed)) {
                throw new IllegalArgumentException(field + ".seed: required, a string");
            }
            Object hashVersion = filter.get("hashVersion");
            filters.add(new BucketFilter(filterSeed, string(filter.get("attribute"), field + ".attribute"),
                    ranges(filter.get("ranges"), field + ".ranges"),
                    hashVersion == null ? DEFAULT_FILTER_HASH_VERSION
                            : (int) number(hashVersion, field + ".hashVersion")));
        }
        return filters;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> condition(Object value, String field) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(field + ": expected an object");
        }
        return (Map<String, Object>) value;
    }
}
