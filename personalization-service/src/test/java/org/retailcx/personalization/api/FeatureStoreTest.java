package org.retailcx.personalization.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The feature store through HTTP on the real database: definitions, values in bulk with their quarantine rules,
 * the online read (latest within TTL) and point-in-time retrieval that never leaks a row's future.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class FeatureStoreTest {

    private static final String API = "/api/v1/personalization";

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
    }

    private static ValidatableResponse define(String name, String valueType, String featureType, long ttlSeconds) {
        return as("data-scientist").contentType("application/json").body("""
                {"valueType":"%s","featureType":"%s","ttlSeconds":%d,"dataSource":"clv-service",
                 "calculationLogic":"decile of predicted lifetime value"}""".formatted(valueType, featureType,
                ttlSeconds)).when().put(API + "/feature-definitions/" + name).then();
    }

    private static String value(String id, String customer, String feature, String json, String at) {
        return """
                {"featureId":"%s","customerId":"%s","featureName":"%s","featureValue":%s,"featureTimestamp":"%s"}"""
                .formatted(id, customer, feature, json, at);
    }

    private static ValidatableResponse load(String... lines) {
        return as("service").contentType("application/x-ndjson")
                .body((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/features/batch").then();
    }

    @Test
    void definitionsDeclareTypeAndTtlAndRefuseBadInput() {
        String name = "decile_" + suffix();
        define(name, "number", "Batch", 0).statusCode(200).body("featureName", equalTo(name))
                .body("entity", equalTo("customer")).body("featureVersion", equalTo(1))
                .body("definedBy", equalTo("test-user"));
        as("marketing").when().get(API + "/feature-definitions/" + name).then().statusCode(200)
                .body("valueType", equalTo("number")).body("ttlSeconds", equalTo(0));
        define(name, "int", "Batch", 0).statusCode(400).body("errors[0].field", equalTo("valueType"));
        define(name, "number", "Nightly", 0).statusCode(400).body("errors[0].field", equalTo("featureType"));
        define(name, "number", "Batch", -1).statusCode(400).body("errors[0].field", equalTo("ttlSeconds"));
        define("Bad-Name", "number", "Batch", 0).statusCode(400).body("errors[0].field", equalTo("featureName"));
        as("marketing").contentType("application/json").body("{\"valueType\":\"number\",\"featureType\":\"Batch\","
                + "\"ttlSeconds\":0}").when().put(API + "/feature-definitions/" + name).then().statusCode(403);
        as("marketing").when().get(API + "/feature-definitions/nope_" + suffix()).then().statusCode(404)
                .body("detail", containsString("nope_"));

        // the value type is fixed once values exist
        load(value("F-" + name, "CUST-" + name, name, "3", "2026-01-01T00:00:00Z")).statusCode(200)
                .body("accepted", equalTo(1));
        define(name, "string", "Batch", 0).statusCode(409);
        define(name, "number", "Batch", 86400).statusCode(200).body("ttlSeconds", equalTo(86400));
    }

    @Test
    void valuesAreQuarantinedForUndefinedFeaturesWrongTypesAndFutureTimes() {
        String s = suffix();
        String customer = "CUST-" + s;
        define("decile_" + s, "number", "Batch", 0).statusCode(200);
        load(value("A-" + s, customer, "decile_" + s, "4", "2026-01-01T00:00:00Z"),
                value("B-" + s, customer, "decile_" + s, "\"high\"", "2026-01-02T00:00:00Z"),
                value("C-" + s, customer, "unknown_" + s, "1", "2026-01-02T00:00:00Z"),
                value("D-" + s, customer, "decile_" + s, "5", "2099-01-01T00:00:00Z"))
                .statusCode(200).body("accepted", equalTo(1)).body("quarantined", equalTo(3));
        as("data-scientist").queryParam("customerId", customer).when().get(API + "/quarantine").then()
                .statusCode(200).body("items", hasSize(3))
                .body("items.rule", containsInAnyOrder("value-type", "feature-defined", "timestamp-not-in-future"))
                .body("items.field", containsInAnyOrder("featureValue", "featureName", "featureTimestamp"))
                .body("items.find { it.rule == 'value-type' }.reason",
                        equalTo("featureValue is a string, feature decile_" + s + " holds a number"));
        as("service").when().get(API + "/customers/" + customer + "/features?names=decile_" + s).then()
                .statusCode(200).body("features.decile_" + s, equalTo(4));
        // a batch with a malformed record is refused whole, naming it
        load(value("E-" + s, customer, "decile_" + s, "6", "2026-01-03T00:00:00Z"),
                value("F-" + s, customer, "decile_" + s, "6", "yesterday")).statusCode(400)
                .body("errors[0].field", equalTo("[1].featureTimestamp"));
        as("service").when().get(API + "/customers/" + customer + "/features?names=decile_" + s).then()
                .body("features.decile_" + s, equalTo(4));
    }

    @Test
    void theOnlineReadServesTheLatestValueWithinItsTtl() {
        String s = suffix();
        String customer = "CUST-" + s;
        define("decile_" + s, "number", "Batch", 0).statusCode(200);
        define("segment_" + s, "string", "Batch", 0).statusCode(200);
        define("login_" + s, "boolean", "Real-Time", 3600).statusCode(200);
        define("active_" + s, "boolean", "Real-Time", 3600).statusCode(200);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        load(value("D1-" + s, customer, "decile_" + s, "5", "2026-01-01T00:00:00Z"),
                value("D3-" + s, customer, "decile_" + s, "8", "2026-03-01T00:00:00Z"),
                value("D2-" + s, customer, "decile_" + s, "7", "2026-02-01T00:00:00Z"),
                value("S1-" + s, customer, "segment_" + s, "\"mass-affluent\"", "2026-01-15T00:00:00Z"),
                value("L1-" + s, customer, "login_" + s, "true", now.minusHours(2).toString()),
                value("A1-" + s, customer, "active_" + s, "false", now.minusMinutes(5).toString()))
                .statusCode(200).body("accepted", equalTo(6));
        String names = "decile_" + s + ",segment_" + s + ",login_" + s + ",active_" + s;
        as("service").queryParam("names", names).when().get(API + "/customers/" + customer + "/features").then()
                .statusCode(200).body("customerId", equalTo(customer))
                .body("features.decile_" + s, equalTo(8)).body("features.segment_" + s, equalTo("mass-affluent"))
                .body("features.login_" + s, nullValue()) // older than its one-hour TTL
                .body("features.active_" + s, equalTo(false))
                .body("eventTimes.decile_" + s, equalTo("2026-03-01T00:00:00Z"));
        // the same event time sent later (a correction) wins
        load(value("D4-" + s, customer, "decile_" + s, "9", "2026-03-01T00:00:00Z")).statusCode(200);
        as("service").queryParam("names", "decile_" + s).when().get(API + "/customers/" + customer + "/features")
                .then().body("features.decile_" + s, equalTo(9));
        as("service").queryParam("names", "decile_" + s + ",missing_" + s)
                .when().get(API + "/customers/" + customer + "/features").then().statusCode(404)
                .body("detail", containsString("missing_" + s));
        as("sales-rep").when().get(API + "/customers/" + customer + "/features").then().statusCode(403);
    }

    @Test
    void historicalRetrievalIsPointInTimeCorrect() {
        String s = suffix();
        String customer = "CUST-" + s;
        String other = "OTHER-" + s;
        define("decile_" + s, "number", "Batch", 0).statusCode(200);
        define("segment_" + s, "string", "Batch", 0).statusCode(200);
        define("band_" + s, "string", "Batch", 10 * 86400).statusCode(200);
        load(value("D1-" + s, customer, "decile_" + s, "5", "2026-01-01T00:00:00Z"),
                value("D2-" + s, customer, "decile_" + s, "7", "2026-02-01T00:00:00Z"),
                value("D3-" + s, customer, "decile_" + s, "8", "2026-03-01T00:00:00Z"),
                value("S1-" + s, customer, "segment_" + s, "\"mass\"", "2026-01-15T00:00:00Z"),
                value("B1-" + s, customer, "band_" + s, "\"low\"", "2026-01-01T00:00:00Z"),
                value("O1-" + s, other, "decile_" + s, "2", "2026-01-01T00:00:00Z")).statusCode(200);
        load(value("D4-" + s, customer, "decile_" + s, "9", "2026-03-01T00:00:00Z")).statusCode(200);

        as("data-scientist").contentType("application/json").body("""
                {"features":["decile_%1$s","segment_%1$s","band_%1$s"],"rows":[
                  {"entityId":"%2$s","timestamp":"2026-01-05T00:00:00Z"},
                  {"entityId":"%2$s","timestamp":"2026-01-20T00:00:00Z"},
                  {"entityId":"%2$s","timestamp":"2026-02-01T00:00:00Z"},
                  {"entityId":"%2$s","timestamp":"2026-03-05T00:00:00Z"},
                  {"entityId":"%2$s","timestamp":"2025-12-31T00:00:00Z"},
                  {"entityId":"%3$s","timestamp":"2026-06-01T00:00:00Z"},
                  {"entityId":"NOBODY-%1$s","timestamp":"2026-06-01T00:00:00Z"}]}""".formatted(s, customer, other))
                .when().post(API + "/historical-features").then().statusCode(200)
                .body("$", hasSize(7))
                // the segment of 15 January is the first row's future: not leaked; the band is within its TTL
                .body("[0].values.decile_" + s, equalTo(5)).body("[0].values.segment_" + s, nullValue())
                .body("[0].values.band_" + s, equalTo("low"))
                // 19 days after the band's value: expired
                .body("[1].values.segment_" + s, equalTo("mass")).body("[1].values.band_" + s, nullValue())
                // event time equal to the row time counts
                .body("[2].values.decile_" + s, equalTo(7))
                // equal event times: the later created value wins
                .body("[3].values.decile_" + s, equalTo(9))
                .body("[4].values.decile_" + s, nullValue())
                .body("[5].values.decile_" + s, equalTo(2)).body("[5].entityId", equalTo(other))
                .body("[6].values.decile_" + s, nullValue())
                .body("[0].timestamp", equalTo("2026-01-05T00:00:00Z"));

        as("data-scientist").contentType("application/json").body("""
                {"features":["decile_%s","absent_%s"],"rows":[{"entityId":"x","timestamp":"2026-01-05T00:00:00Z"}]}"""
                .formatted(s, s)).when().post(API + "/historical-features").then().statusCode(404)
                .body("detail", containsString("absent_" + s));
        as("data-scientist").contentType("application/json").body("{\"features\":[],\"rows\":[{\"entityId\":\"x\"}]}")
                .when().post(API + "/historical-features").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("features", "rows[0].timestamp"));
        as("marketing").contentType("application/json").body("{\"features\":[\"decile_" + s + "\"],\"rows\":"
                + "[{\"entityId\":\"x\",\"timestamp\":\"2026-01-05T00:00:00Z\"}]}")
                .when().post(API + "/historical-features").then().statusCode(403);
    }
}
