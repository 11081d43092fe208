package org.retailcx.experiment;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Runs an experiment for a customer in GrowthBook's order of checks: too few variations, context disabled,
 * query-string override, forced variation, inactive, missing hash attribute, filters or namespace, targeting
 * condition, hashing into bucket ranges (coverage), experiment-level force, QA mode. Stateless and thread-safe.
 */
public final class ExperimentEvaluator {

    private static final String DEFAULT_HASH_ATTRIBUTE = "id";

    private ExperimentEvaluator() {
    }

    public static Assignment run(Experiment experiment, EvaluationContext context) {
        int variations = experiment.variations().size();
        if (variations < 2 || !context.enabled()) {
            return notHashed(experiment, context, -1);
        }
        OptionalInt fromUrl = Bucketing.queryStringOverride(experiment.key(), context.url(), variations);
        if (fromUrl.isPresent()) {
            return notHashed(experiment, context, fromUrl.getAsInt());
        }
        Integer forced = context.forcedVariations().get(experiment.key());
        if (forced != null) {
            return notHashed(experiment, context, forced);
        }
        if (!experiment.active()) {
            return notHashed(experiment, context, -1);
        }
        String hashValue = hashValue(context.attributes(), experiment.hashAttribute());
        if (hashValue.isEmpty()) {
            return notHashed(experiment, context, -1);
        }
        if (!experiment.filters().isEmpty()) {
            if (isFilteredOut(experiment.filters(), context.attributes())) {
                return notHashed(experiment, context, -1);
            }
        } else if (experiment.namespace() != null && !Bucketing.inNamespace(hashValue, experiment.namespace())) {
            return notHashed(experiment, context, -1);
        }
        if (experiment.condition() != null
                && !new ConditionEvaluator(context.savedGroups()).evaluate(context.attributes(),
                experiment.condition())) {
            return notHashed(experiment, context, -1);
        }
        String seed = experiment.seed() == null || experiment.seed().isEmpty() ? experiment.key() : experiment.seed();
        OptionalDouble hashed = Bucketing.hash(seed, hashValue, experiment.hashVersion());
        if (hashed.isEmpty()) {
            return notHashed(experiment, context, -1);
        }
        double bucket = hashed.getAsDouble();
        List<VariationRange> ranges = experiment.ranges() != null ? experiment.ranges()
                : Bucketing.bucketRanges(variations, experiment.coverage(), experiment.weights());
        int assigned = Bucketing.chooseVariation(bucket, ranges);
        if (assigned < 0) {
            return notHashed(experiment, context, -1);
        }
        if (experiment.force() != null) {
            return notHashed(experiment, context, experiment.force());
        }
        if (context.qaMode()) {
            return notHashed(experiment, context, -1);
        }
        return result(experiment, context, assigned, true, bucket);
    }

    private static Assignment notHashed(Experiment experiment, EvaluationContext context, int variation) {
        return result(experiment, context, variation, false, null);
    }

    private static Assignment result(Experiment experiment, EvaluationContext context, int variation,
                                     boolean hashUsed, Double bucket) {
        boolean valid = variation >= 0 && variation < experiment.variations().size();
        int served = valid ? variation : 0;
        String attribute = hashAttributeName(experiment.hashAttribute());
        return new Assignment(served, experiment.variations().isEmpty() ? null : experiment.variations().get(served),
                valid, hashUsed, attribute, hashValue(context.attributes(), experiment.hashAttribute()), bucket);
    }

    private static String hashAttributeName(String attribute) {
        return attribute == null || attribute.isEmpty() ? DEFAULT_HASH_ATTRIBUTE : attribute;
    }

    /** The hash attribute's value as a string, "" when missing or falsy (such customers are never enrolled). */
    static String hashValue(Map<String, Object> attributes, String attribute) {
        String name = hashAttributeName(attribute);
        // a literal key wins over a dot path, so attribute names that contain dots keep working
        Object value = attributes.containsKey(name) ? attributes.get(name) : ConditionEvaluator.path(attributes, name);
        return JsValues.isTruthy(value) ? JsValues.toJsString(value) : "";
    }

    private static boolean isFilteredOut(List<BucketFilter> filters, Map<String, Object> attributes) {
        for (BucketFilter filter : filters) {
            String value = hashValue(attributes, filter.attribute());
            if (value.isEmpty()) {
                return true;
            }
            OptionalDouble bucket = Bucketing.hash(filter.seed(), value, filter.hashVersion());
            if (bucket.isEmpty() || filter.ranges().stream().noneMatch(r -> r.contains(bucket.getAsDouble()))) {
                return true;
            }
        }
        return false;
    }
}
