package org.retailcx.recommendation.pipeline.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.recommendation.model.Algorithm;
import org.retailcx.recommendation.model.AlsRecommender;
import org.retailcx.recommendation.model.BprRecommender;
import org.retailcx.recommendation.model.HybridRecommender;
import org.retailcx.recommendation.model.ItemKnnRecommender;
import org.retailcx.recommendation.model.PopularityRecommender;
import org.retailcx.recommendation.model.SarRecommender;
import org.retailcx.recommendation.model.TrainingSpec;
import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The API's spelling of an algorithm and its hyper-parameters ({@code "als"}, {@code {"factors": 32}}), to and from
 * the model package's {@link TrainingSpec}. Unset parameters take the algorithm's defaults; an unknown algorithm or
 * parameter, or a value out of range, is a 400 naming it ({@code parameters.factors}). {@link #toJson} writes every
 * parameter, defaults included, so that a stored version says exactly what it was fitted with and refits the same.
 */
public final class TrainingSpecs {

    /** The algorithms the API trains. Content-based needs product attributes, which no source delivers yet. */
    public static final List<String> NAMES = List.of("popularity", "sar", "item-knn", "als", "bpr", "hybrid");

    private TrainingSpecs() {
    }

    public static String name(Algorithm algorithm) {
        return algorithm.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Algorithm algorithm(String name, String field) {
        if (name == null || !NAMES.contains(name)) {
            throw ProblemException.invalid(field, "must be one of " + String.join(", ", NAMES) + ", was " + name);
        }
        return Algorithm.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** @param field where the algorithm's name sits in the request ("algorithm"); parameters sit beside it */
    public static TrainingSpec parse(String algorithmName, JsonNode parameters, String field) {
        String prefix = field.contains(".") || field.contains("[")
                ? field.substring(0, field.length() - "algorithm".length()) + "parameters" : "parameters";
        Algorithm algorithm = algorithm(algorithmName, field);
        Params p = new Params(parameters == null || parameters.isNull() ? EventJson.mapper().createObjectNode()
                : parameters, prefix);
        try {
            TrainingSpec spec = switch (algorithm) {
                case POPULARITY -> new PopularityRecommender.Parameters();
                case SAR -> {
                    var d = SarRecommender.Parameters.defaults();
                    yield new SarRecommender.Parameters(
                            p.choice("similarity", SarRecommender.Similarity.class, d.similarity()),
                            p.bool("timeDecay", d.timeDecay()),
                            Duration.ofSeconds(Math.round(p.number("halfLifeDays", d.halfLife().toSeconds() / 86400.0,
                                    0, 36500) * 86400)),
                            p.integer("threshold", d.threshold(), 1, 1_000_000));
                }
                case ITEM_KNN -> {
                    var d = ItemKnnRecommender.Parameters.defaults();
                    yield new ItemKnnRecommender.Parameters(p.integer("neighbours", d.neighbours(), 1, 10_000),
                            p.bool("binary", d.binary()));
                }
                case ALS -> {
                    var d = AlsRecommender.Parameters.defaults();
                    yield new AlsRecommender.Parameters(p.integer("factors", d.factors(), 1, 512),
                            p.number("regularization", d.regularization(), 0, 1e6),
                            p.number("alpha", d.alpha(), 0, 1e6), p.integer("iterations", d.iterations(), 1, 200),
                            p.choice("solver", AlsRecommender.Solver.class, d.solver()),
                            p.integer("conjugateGradientSteps", d.conjugateGradientSteps(), 1, 100),
                            p.integer("seed", (int) d.seed(), Integer.MIN_VALUE, Integer.MAX_VALUE));
                }
                case BPR -> {
                    var d = BprRecommender.Parameters.defaults();
                    yield new BprRecommender.Parameters(p.integer("factors", d.factors(), 1, 512),
                            p.number("learningRate", d.learningRate(), 0, 10),
                            p.number("regularization", d.regularization(), 0, 10),
                            p.integer("epochs", d.epochs(), 1, 1000),
                            p.integer("seed", (int) d.seed(), Integer.MIN_VALUE, Integer.MAX_VALUE));
                }
                case HYBRID -> new HybridRecommender.Parameters(p.components());
                case CONTENT_BASED -> throw new IllegalStateException("not offered");
            };
            p.rejectUnknown();
            return spec;
        } catch (IllegalArgumentException e) {
            // the model's own range checks (e.g. a zero regularization)
            throw ProblemException.invalid(prefix, e.getMessage());
        }
    }

    /** Every parameter of the spec, defaults included, in the API's spelling. */
    public static ObjectNode toJson(TrainingSpec spec) {
        ObjectNode json = EventJson.mapper().createObjectNode();
        if (spec instanceof SarRecommender.Parameters p) {
            json.put("similarity", p.similarity().name().toLowerCase(Locale.ROOT)).put("timeDecay", p.timeDecay())
                    .put("halfLifeDays", p.halfLife() == null ? 0 : p.halfLife().toSeconds() / 86400.0)
                    .put("threshold", p.threshold());
        } else if (spec instanceof ItemKnnRecommender.Parameters p) {
            json.put("neighbours", p.neighbours()).put("binary", p.binary());
        } else if (spec instanceof AlsRecommender.Parameters p) {
            json.put("factors", p.factors()).put("regularization", p.regularization()).put("alpha", p.alpha())
                    .put("iterations", p.iterations())
                    .put("solver", p.solver().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .put("conjugateGradientSteps", p.conjugateGradientSteps()).put("seed", p.seed());
        } else if (spec instanceof BprRecommender.Parameters p) {
            json.put("factors", p.factors()).put("learningRate", p.learningRate())
                    .put("regularization", p.regularization()).put("epochs", p.epochs()).put("seed", p.seed());
        } else if (spec instanceof HybridRecommender.Parameters p) {
            ArrayNode components = json.putArray("components");
            for (HybridRecommender.Component c : p.components()) {
                components.addObject().put("algorithm", name(c.spec().algorithm())).put("weight", c.weight())
                        .set("parameters", toJson(c.spec()));
            }
        } else if (!(spec instanceof PopularityRecommender.Parameters)) {
            throw new IllegalStateException("no API spelling for " + spec.algorithm());
        }
        return json;
    }

    /** Reads parameters by name, remembering which were read so that the rest can be refused. */
    private static final class Params {
        private final JsonNode node;
        private final String prefix;
        private final Set<String> read = new java.util.HashSet<>();

        Params(JsonNode node, String prefix) {
            if (!node.isObject()) {
                throw ProblemException.invalid(prefix, "must be an object");
            }
            this.node = node;
            this.prefix = prefix;
        }

        private JsonNode get(String name) {
            read.add(name);
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value;
        }

        int integer(String name, int fallback, int min, int max) {
            JsonNode v = get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
                throw ProblemException.invalid(prefix + "." + name, "must be an integer from " + min + " to " + max);
            }
            return v.asInt();
        }

        double number(String name, double fallback, double minExclusive, double max) {
            JsonNode v = get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isNumber() || !(v.asDouble() > minExclusive) || v.asDouble() > max) {
                throw ProblemException.invalid(prefix + "." + name,
                        "must be a number greater than " + minExclusive + " and at most " + max);
            }
            return v.asDouble();
        }

        boolean bool(String name, boolean fallback) {
            JsonNode v = get(name);
            if (v == null) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw ProblemException.invalid(prefix + "." + name, "must be true or false");
            }
            return v.asBoolean();
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
            JsonNode v = get(name);
            if (v == null) {
                return fallback;
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                String spelled = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
                if (spelled.equals(v.asText())) {
                    return e;
                }
                names.add(spelled);
            }
            throw ProblemException.invalid(prefix + "." + name, "must be one of " + String.join(", ", names));
        }

        List<HybridRecommender.Component> components() {
            JsonNode v = get("components");
            if (v == null || !v.isArray() || v.isEmpty()) {
                throw ProblemException.invalid(prefix + ".components",
                        "a hybrid needs a list of components, each {algorithm, parameters, weight}");
            }
            List<HybridRecommender.Component> components = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                String at = prefix + ".components[" + i + "]";
                JsonNode c = v.get(i);
                String algorithm = c.path("algorithm").asText(null);
                if ("hybrid".equals(algorithm)) {
                    throw ProblemException.invalid(at + ".algorithm", "a hybrid's component cannot be a hybrid");
                }
                TrainingSpec spec = parse(algorithm, c.get("parameters"), at + ".algorithm");
                double weight = c.path("weight").asDouble(1);
                if (!(weight > 0)) {
                    throw ProblemException.invalid(at + ".weight", "must be greater than 0");
                }
                components.add(new HybridRecommender.Component(spec, weight));
            }
            return components;
        }

        void rejectUnknown() {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!read.contains(name)) {
                    throw ProblemException.invalid(prefix + "." + name, "is not a parameter of this algorithm");
                }
            }
        }
    }
}
