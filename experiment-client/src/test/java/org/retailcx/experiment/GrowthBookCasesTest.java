package org.retailcx.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vector of GrowthBook's SDK conformance suite for assignment and targeting: one dynamic test per vector, and
 * a count per section printed at the end. {@code run} vectors that need feature evaluation (prerequisite flags) are
 * skipped, visibly, because this package evaluates experiments, not feature flags.
 */
class GrowthBookCasesTest {

    private static Map<String, List<List<Object>>> cases;
    private static final Map<String, int[]> COUNTS = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = GrowthBookCasesTest.class.getResourceAsStream("/growthbook/cases.json")) {
            Map<String, Object> all = new ObjectMapper().readValue(in, new TypeReference<>() { });
            cases = new HashMap<>();
            for (String section : List.of("hash", "getBucketRange", "chooseVariation", "inNamespace",
                    "getEqualWeights", "getQueryStringOverride", "evalCondition", "run")) {
                cases.put(section, cast(all.get(section)));
            }
        }
    }

    @AfterAll
    static void report() {
        COUNTS.forEach((section, counts) -> System.out.printf("GrowthBook %s: %d vectors, %d passed, %d skipped%n",
                section, counts[0], counts[1], counts[2]));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static Stream<DynamicTest> vectors(String section, Consumer<List<Object>> check) {
        List<List<Object>> vectors = cases.get(section);
        assertTrue(vectors.size() > 0, section + " has vectors");
        int[] counts = COUNTS.computeIfAbsent(section, s -> new int[3]);
        counts[0] = vectors.size();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            List<Object> vector = vectors.get(i);
            String name = section + " #" + i + " " + (vector.get(0) instanceof String s ? s : vector.toString());
            tests.add(DynamicTest.dynamicTest(name, () -> {
                try {
                    check.accept(vector);
                    counts[1]++;
                } catch (org.opentest4j.TestAbortedException skipped) {
                    counts[2]++;
                    throw skipped;
                }
            }));
        }
        return tests.stream();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static List<VariationRange> ranges(Object json) {
        List<List<Object>> pairs = cast(json);
        return pairs.stream().map(p -> new VariationRange(number(p.get(0)), number(p.get(1)))).toList();
    }

    @TestFactory
    Stream<DynamicTest> hash() {
        return vectors("hash", v -> {
            OptionalDouble actual = Bucketing.hash((String) v.get(0), (String) v.get(1), (int) number(v.get(2)));
            if (v.get(3) == null) {
                assertTrue(actual.isEmpty(), "unknown hash version gives no bucket");
            } else {
                assertEquals(number(v.get(3)), actual.getAsDouble(), 0.0);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> getBucketRange() {
        return vectors("getBucketRange", v -> {
            List<Object> args = cast(v.get(1));
            List<Double> weights = args.get(2) == null ? null
                    : ((List<Object>) cast(args.get(2))).stream().map(GrowthBookCasesTest::number).toList();
            List<VariationRange> actual = Bucketing.bucketRanges((int) number(args.get(0)), number(args.get(1)),
                    weights);
            List<VariationRange> expected = ranges(v.get(2));
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i).start(), actual.get(i).start(), 1e-9, "start of range " + i);
                assertEquals(expected.get(i).end(), actual.get(i).end(), 1e-9, "end of range " + i);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> chooseVariation() {
        return vectors("chooseVariation", v -> assertEquals((int) number(v.get(3)),
                Bucketing.chooseVariation(number(v.get(1)), ranges(v.get(2)))));
    }

    @TestFactory
    Stream<DynamicTest> inNamespace() {
        return vectors("inNamespace", v -> {
            List<Object> ns = cast(v.get(2));
            Namespace namespace = new Namespace((String) ns.get(0), number(ns.get(1)), number(ns.get(2)));
            assertEquals(v.get(3), Bucketing.inNamespace((String) v.get(1), namespace));
        });
    }

    @TestFactory
    Stream<DynamicTest> getEqualWeights() {
        return vectors("getEqualWeights", v -> {
            List<Object> expected = cast(v.get(1));
            List<Double> actual = Bucketing.equalWeights((int) number(v.get(0)));
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(number(expected.get(i)), actual.get(i), 1e-8);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> getQueryStringOverride() {
        return vectors("getQueryStringOverride", v -> {
            OptionalInt actual = Bucketing.queryStringOverride((String) v.get(1), (String) v.get(2),
                    (int) number(v.get(3)));
            assertEquals(v.get(4) == null ? OptionalInt.empty() : OptionalInt.of((int) number(v.get(4))), actual);
        });
    }

    @TestFactory
    Stream<DynamicTest> evalCondition() {
        return vectors("evalCondition", v -> {
            Map<String, List<Object>> savedGroups = v.size() > 4 ? cast(v.get(4)) : Map.of();
            assertEquals(v.get(3), new ConditionEvaluator(savedGroups).evaluate(v.get(2), cast(v.get(1))));
        });
    }

    @TestFactory
    Stream<DynamicTest> run() {
        return vectors("run", v -> {
            Map<String, Object> contextJson = cast(v.get(1));
            Map<String, Object> experimentJson = cast(v.get(2));
            Assumptions.assumeFalse(experimentJson.containsKey("parentConditions"),
                    "prerequisite flags need feature evaluation, which this package does not do");
            Map<String, Integer> forced = new HashMap<>();
            Map<String, Object> forcedJson = contextJson.containsKey("forcedVariations")
                    ? cast(contextJson.get("forcedVariations")) : Map.of();
            forcedJson.forEach((key, index) -> forced.put(key, ((Number) index).intValue()));
            EvaluationContext context = new EvaluationContext(
                    cast(contextJson.get("attributes")),
                    (String) contextJson.get("url"),
                    !Boolean.FALSE.equals(contextJson.get("enabled")),
                    Boolean.TRUE.equals(contextJson.get("qaMode")),
                    forced,
                    cast(contextJson.get("savedGroups")));
            Assignment assignment = ExperimentEvaluator.run(ExperimentDefinitions.fromJson(experimentJson), context);
            assertEquals(JsValues.toJson(v.get(3)), JsValues.toJson(assignment.value()), "value");
            assertEquals(v.get(4), assignment.inExperiment(), "inExperiment");
            assertEquals(v.get(5), assignment.hashUsed(), "hashUsed");
        });
    }
}
