package org.retailcx.recommendation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Affinity and calibrated propensity through HTTP on the real database: a SAR version on planted families, affinities
 * before and after the version's calibration, the reliability by decile it reports, cold start, and the refusals.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class CalibrationApiTest {

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    @Test
    void aVersionCalibratedOnHeldOutPairsTurnsAffinitiesIntoReliablePropensities() {
        String run = "K" + UUID.randomUUID().toString().substring(0, 8);
        as("service").contentType("application/json")
                .body(PlantedFamilies.jsonArray(PlantedFamilies.generate(run, 3, 8, 30, 5, 9)))
                .when().post("/api/v1/recommendation/interactions/batch").then().statusCode(200);
        int version = as("data-scientist").contentType("application/json")
                .body("{\"algorithm\":\"sar\",\"activate\":true}")
                .when().post("/api/v1/recommendation/models/train").then().statusCode(201).extract().path("version");
        String customer = PlantedFamilies.customer(run, 1, 0);

        // before calibration: affinities ranked, nothing held, no propensity yet; own family first
        as("data-scientist").when().get("/api/v1/recommendation/models/" + version + "/calibration")
                .then().statusCode(404);
        as("marketing").queryParam("k", 3).when().get("/api/v1/recommendation/customers/" + customer + "/affinities")
                .then().statusCode(200).body("modelVersion", equalTo(version)).body("calibrated", equalTo(false))
                .body("coldStart", equalTo(false)).body("items", hasSize(3))
                .body("items.propensity", everyItem(nullValue())).body("items.held", everyItem(equalTo(false)))
                .body("items[0].productId", startsWith(run + "-F1-"));

        // the refusals: the field named, roles, unknown version
        as("data-scientist").contentType("application/json").body("{\"trainRatio\":1.5}")
                .when().post("/api/v1/recommendation/models/" + version + "/calibration")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("trainRatio"));
        as("data-scientist").contentType("application/json").body("{\"maxCustomers\":3}")
                .when().post("/api/v1/recommendation/models/" + version + "/calibration")
                .then().statusCode(400).body("errors[0].field", equalTo("maxCustomers"));
        as("marketing").contentType("application/json").body("{}")
                .when().post("/api/v1/recommendation/models/" + version + "/calibration").then().statusCode(403);
        as("data-scientist").contentType("application/json").body("{}")
                .when().post("/api/v1/recommendation/models/99999/calibration").then().statusCode(404);

        JsonPath report = as("data-scientist").contentType("application/json").body("{\"seed\":7}")
                .when().post("/api/v1/recommendation/models/" + version + "/calibration")
                .then().statusCode(200).body("modelVersion", equalTo(version)).body("algorithm", equalTo("sar"))
                .body("method", equalTo("isotonic")).body("seed", equalTo(7))
                .body("uncalibrated.bins", hasSize(10)).body("calibrated.bins", hasSize(10))
                .body("fittedBy", equalTo("test-user")).extract().jsonPath();
        double before = report.getDouble("uncalibrated.expectedCalibrationError");
        double after = report.getDouble("calibrated.expectedCalibrationError");
        assertTrue(after < before / 3, "calibration must shrink the reliability gap: " + before + " -> " + after);
        assertTrue(report.getDouble("calibrated.brierScore") < report.getDouble("uncalibrated.brierScore"));
        assertTrue(report.getInt("positives") >= 10);
        List<Float> steps = report.getList("map.propensity", Float.class);
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i) >= steps.get(i - 1), "isotonic: " + steps);
        }
        // the stored report reads back as fitted
        as("marketing").when().get("/api/v1/recommendation/models/" + version + "/calibration").then()
                .statusCode(200).body("calibrated.expectedCalibrationError", equalTo(report.getFloat(
                        "calibrated.expectedCalibrationError")))
                .body("map", hasSize(steps.size()));

        // after: each product's propensity is the map's step at its affinity, ordered as the affinities are
        JsonPath calibrated = as("service").queryParam("k", 10)
                .when().get("/api/v1/recommendation/customers/" + customer + "/affinities")
                .then().statusCode(200).body("calibrated", equalTo(true))
                .body("items.propensity", everyItem(not(nullValue()))).extract().jsonPath();
        List<Float> propensities = calibrated.getList("items.propensity", Float.class);
        for (int i = 1; i < propensities.size(); i++) {
            assertTrue(propensities.get(i) <= propensities.get(i - 1), propensities::toString);
        }
        assertTrue(propensities.get(0) > propensities.get(propensities.size() - 1),
                "own-family products are likelier than the rest: " + propensities);

        // a product asked by id, also one held; unknown products and bad k refused
        String held = PlantedFamilies.product(run, 1, 0);
        as("service").queryParam("product", held)
                .when().get("/api/v1/recommendation/customers/" + customer + "/affinities").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].productId", equalTo(held));
        as("service").queryParam("product", "no-such-product-" + run)
                .when().get("/api/v1/recommendation/customers/" + customer + "/affinities").then().statusCode(404);
        as("service").queryParam("k", 0)
                .when().get("/api/v1/recommendation/customers/" + customer + "/affinities").then().statusCode(400)
                .body("errors[0].field", equalTo("k"));
        as("cx-analyst").when().get("/api/v1/recommendation/customers/" + customer + "/affinities")
                .then().statusCode(403);

        // cold start: popularity's percentile; propensity the product's share of customers
        JsonPath cold = as("service").queryParam("k", 1)
                .when().get("/api/v1/recommendation/customers/" + run + "-stranger/affinities")
                .then().statusCode(200).body("coldStart", equalTo(true)).extract().jsonPath();
        double share = cold.getDouble("items[0].score") / as("data-scientist").when()
                .get("/api/v1/recommendation/models/" + version).then().extract().<Integer>path("customers");
        assertEquals(share, cold.getDouble("items[0].propensity"), 1e-6);
    }

    @Test
    void aVersionWithTooFewHeldOutPairsIsNotCalibrated() {
        String run = "KS" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 12; i++) {
            body.append(i == 0 ? "" : ",").append("""
                    {"interactionId":"%1$s-%2$d","customerId":"%1$s-C%3$d","productId":"%1$s-P%4$d",
                     "implicitRating":"purchase","interactionTimestamp":"2019-01-01T00:00:%2$02dZ"}"""
                    .formatted(run, i, i % 4, i / 4));
        }
        as("service").contentType("application/json").body(body.append("]").toString())
                .when().post("/api/v1/recommendation/interactions/batch").then().statusCode(200);
        int version = as("data-scientist").contentType("application/json").body("""
                {"algorithm":"popularity","windowFrom":"2019-01-01T00:00:00Z","windowTo":"2019-01-02T00:00:00Z"}""")
                .when().post("/api/v1/recommendation/models/train").then().statusCode(201).extract().path("version");
        as("data-scientist").contentType("application/json")
                .when().post("/api/v1/recommendation/models/" + version + "/calibration")
                .then().statusCode(422).contentType("application/problem+json");
        as("data-scientist").when().get("/api/v1/recommendation/models/" + version + "/calibration")
                .then().statusCode(404);
    }
}
