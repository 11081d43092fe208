package org.retailcx.personalization.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Results on planted exposures in the real database: a planted conversion lift is found, an A/A test is not called,
 * a planted sample ratio mismatch is flagged, CUPED is used when pre-period values are given.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ExperimentResultsTest {

    private static final String API = "/api/v1/personalization";

    private static String experiment() {
        String id = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", TestTokens.bearer("marketing")).contentType("application/json").body("""
                {"experimentId":"%s","name":"Planted","status":"running","successMetric":"deposit",
                 "variants":["control","treatment"],"weights":[0.5,0.5]}""".formatted(id))
                .when().put(API + "/experiments/" + id).then().statusCode(200);
        return id;
    }

    /** {@code n} units per arm converting at the given rates; with a deposit around the pre-period one if asked. */
    private static void load(String id, int controlN, double controlRate, int treatmentN, double treatmentRate,
            boolean deposits, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < controlN + treatmentN; i++) {
            boolean treated = i >= controlN;
            boolean converted = random.nextDouble() < (treated ? treatmentRate : controlRate);
            String extra = "";
            if (deposits) {
                double pre = 100 + 30 * random.nextGaussian();
                double post = pre + (treated ? 3 : 0) + 10 * random.nextGaussian();
                extra = ",\"metricValue\":%.4f,\"preMetricValue\":%.4f".formatted(post, pre);
            }
            lines.add("""
                    {"experimentId":"%s","customerId":"ACC-%07d","variantId":"%s",\
                    "assignmentDate":"2026-11-20T09:00:00Z","exposureCount":1,"conversionFlag":%s%s}"""
                    .formatted(id, i + 1, treated ? "treatment" : "control", converted, extra));
        }
        given().header("Authorization", TestTokens.bearer("service")).contentType("application/x-ndjson")
                .body((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/exposures/batch").then().statusCode(200);
    }

    private static JsonPath results(String id) {
        return given().header("Authorization", TestTokens.bearer("data-scientist")).when()
                .get(API + "/experiments/" + id + "/results").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPlantedLiftIsFoundAndAnAaTestIsNotCalled() {
        String lift = experiment();
        load(lift, 1500, 0.10, 1500, 0.16, false, 11);
        JsonPath r = results(lift);
        assertFalse(r.getBoolean("sampleRatioMismatch"));
        assertEquals(1, r.getList("comparisons").size(), "only conversion: no metric values were given");
        assertEquals("conversion", r.getString("comparisons[0].metric"));
        assertTrue(r.getDouble("comparisons[0].relative.pValue") < 0.001, r.prettify());
        assertTrue(r.getDouble("comparisons[0].relative.ciLower") > 0, r.prettify());
        assertTrue(r.getDouble("comparisons[0].bayesian.chanceToWin") > 0.99, r.prettify());
        assertTrue(r.getDouble("comparisons[0].sequential.ciLower") > 0, r.prettify());

        String aa = experiment();
        load(aa, 1500, 0.10, 1500, 0.10, false, 12);
        JsonPath same = results(aa);
        assertTrue(same.getDouble("comparisons[0].relative.pValue") > 0.05, same.prettify());
        assertTrue(same.getDouble("comparisons[0].relative.ciLower") < 0, same.prettify());
        assertTrue(same.getDouble("comparisons[0].relative.ciUpper") > 0, same.prettify());
    }

    @Test
    void aPlantedSampleRatioMismatchIsFlagged() {
        String id = experiment();
        load(id, 1000, 0.1, 820, 0.1, false, 13);
        JsonPath r = results(id);
        assertTrue(r.getBoolean("sampleRatioMismatch"), r.prettify());
        assertTrue(r.getDouble("srm.pValue") < 0.001, r.prettify());
        assertEquals(List.of(1000, 820), r.getList("units"));
    }

    @Test
    void preperiodValuesBringCupedAndBothMetricsAreCorrected() {
        String id = experiment();
        load(id, 800, 0.10, 800, 0.10, true, 14);
        JsonPath r = results(id);
        assertEquals(List.of("conversion", "deposit"), r.getList("comparisons.metric"));
        assertFalse(r.getBoolean("comparisons[0].cuped"));
        assertTrue(r.getBoolean("comparisons[1].cuped"));
        // a +3 deposit lift under sd 30 between customers and 10 within: found once the pre-period is taken out
        assertTrue(r.getDouble("comparisons[1].absolute.pValue") < 0.001, r.prettify());
        assertTrue(r.getDouble("comparisons[1].absolute.ciLower") > 1.5, r.prettify());
        assertTrue(r.getDouble("comparisons[1].holmPValue") >= r.getDouble("comparisons[1].relative.pValue"));
        assertTrue(r.getDouble("comparisons[1].benjaminiHochbergPValue")
                <= r.getDouble("comparisons[1].holmPValue") + 1e-12);
    }

    private static JsonPath stored(String id) {
        return given().header("Authorization", TestTokens.bearer("marketing")).when()
                .get(API + "/experiments/" + id + "/results/stored").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void promotionStoresTheResultsOfTheBatchsExperimentsOnly() {
        String lift = experiment();
        String other = experiment();
        assertEquals(0, stored(lift).getList("results").size(), "nothing stored before any exposure");
        load(other, 400, 0.10, 400, 0.10, false, 21);
        String otherComputedAt = stored(other).getString("results[0].computedAt");
        load(lift, 1500, 0.10, 1500, 0.16, false, 11);
        JsonPath s = stored(lift);
        JsonPath live = results(lift);
        assertEquals(1, s.getList("results").size(), s.prettify());
        assertEquals("conversion", s.getString("results[0].metric"));
        assertEquals("treatment", s.getString("results[0].variation"));
        assertEquals("control", s.getString("results[0].controlVariation"));
        assertEquals(1500, s.getInt("results[0].units"));
        assertEquals(live.getDouble("comparisons[0].relative.pValue"), s.getDouble("results[0].relativePValue"),
                1e-12);
        assertEquals(live.getDouble("comparisons[0].bayesian.chanceToWin"), s.getDouble("results[0].chanceToWin"),
                1e-12);
        assertEquals(live.getDouble("srm.pValue"), s.getDouble("results[0].srmPValue"), 1e-12);
        assertTrue(s.getDouble("results[0].relativeCiLower") > 0, s.prettify());
        assertFalse(s.getBoolean("results[0].sampleRatioMismatch"));
        assertTrue(s.getString("results[0].dataAsOf").startsWith("2026-11-20T09:00"), s.prettify());
        assertEquals(otherComputedAt, stored(other).getString("results[0].computedAt"),
                "a batch of another experiment's exposures does not recompute this one");
        given().header("Authorization", TestTokens.bearer("service")).when()
                .get(API + "/experiments/" + lift + "/results/stored").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("marketing")).when()
                .get(API + "/experiments/nope/results/stored").then().statusCode(404);
    }

    @Test
    void badInputAndRoles() {
        String id = experiment();
        given().header("Authorization", TestTokens.bearer("data-scientist")).when()
                .get(API + "/experiments/" + id + "/results").then().statusCode(409);
        given().header("Authorization", TestTokens.bearer("data-scientist")).queryParam("alpha", "2").when()
                .get(API + "/experiments/" + id + "/results").then().statusCode(400)
                .body("errors[0].field", equalTo("alpha"));
        given().header("Authorization", TestTokens.bearer("data-scientist")).when()
                .get(API + "/experiments/nope/results").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("service")).when()
                .get(API + "/experiments/" + id + "/results").then().statusCode(403);
    }
}
