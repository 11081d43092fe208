package org.retailcx.recommendation.pipeline.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.recommendation.model.AlsRecommender;
import org.retailcx.recommendation.model.TrainingSpec;
import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.databind.JsonNode;

/** The API's spelling of algorithms and parameters: defaults filled in, stored and replayed to the same spec. */
class TrainingSpecsTest {

    private static JsonNode json(String text) throws Exception {
        return EventJson.mapper().readTree(text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "popularity", "sar", "item-knn", "als", "bpr" })
    void aStoredSpecReplaysToTheSameSpec(String algorithm) {
        TrainingSpec spec = TrainingSpecs.parse(algorithm, null, "algorithm");
        JsonNode stored = TrainingSpecs.toJson(spec);
        assertEquals(spec, TrainingSpecs.parse(algorithm, stored, "algorithm"));
        assertEquals(stored, TrainingSpecs.toJson(TrainingSpecs.parse(algorithm, stored, "algorithm")));
    }

    @org.junit.jupiter.api.Test
    void givenParametersOverrideTheDefaultsAndAHybridKeepsItsComponents() throws Exception {
        var als = (AlsRecommender.Parameters) TrainingSpecs.parse("als",
                json("{\"factors\":8,\"solver\":\"cholesky\",\"alpha\":2.5}"), "algorithm");
        assertEquals(8, als.factors());
        assertEquals(AlsRecommender.Solver.CHOLESKY, als.solver());
        assertEquals(2.5, als.alpha());
        assertEquals(AlsRecommender.Parameters.defaults().regularization(), als.regularization());
        TrainingSpec hybrid = TrainingSpecs.parse("hybrid", json("""
                {"components":[{"algorithm":"sar","weight":2},{"algorithm":"bpr","parameters":{"epochs":3}}]}"""),
                "algorithm");
        JsonNode stored = TrainingSpecs.toJson(hybrid);
        assertEquals(2.0, stored.at("/components/0/weight").asDouble());
        assertEquals(3, stored.at("/components/1/parameters/epochs").asInt());
        assertEquals(hybrid, TrainingSpecs.parse("hybrid", stored, "algorithm"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "deep-magic | {}                                              | algorithm",
            "content-based | {}                                           | algorithm",
            "als   | {\"factorz\":8}                                      | parameters.factorz",
            "als   | {\"factors\":0}                                      | parameters.factors",
            "als   | {\"factors\":1.5}                                    | parameters.factors",
            "sar   | {\"similarity\":\"cosine\"}                          | parameters.similarity",
            "sar   | {\"timeDecay\":\"yes\"}                              | parameters.timeDecay",
            "bpr   | {\"learningRate\":0}                                 | parameters.learningRate",
            "hybrid | {\"components\":[]}                                 | parameters.components",
            "hybrid | {\"components\":[{\"algorithm\":\"hybrid\"}]}       | parameters.components[0].algorithm",
            "hybrid | {\"components\":[{\"algorithm\":\"als\",\"parameters\":{\"iterations\":0}}]} | parameters.components[0].parameters.iterations",
            "hybrid | {\"components\":[{\"algorithm\":\"sar\",\"weight\":-1}]} | parameters.components[0].weight" })
    void aBadAlgorithmOrParameterIsA400NamingIt(String algorithm, String parameters, String field) throws Exception {
        ProblemException e = assertThrows(ProblemException.class,
                () -> TrainingSpecs.parse(algorithm, json(parameters), "algorithm"));
        assertEquals(400, e.status());
        assertEquals(field, e.errors().get(0).field());
    }
}
