package org.retailcx.recommendation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retailcx.recommendation.api.EventFields.field;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.Topics;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Next-best-action through HTTP and Kafka: the catalogue (400 naming the field, marketing only), clv's predicted
 * value consumed from the broker, arbitration by priority and propensity × value × weight within the contact policy,
 * eligibility by decile and held product, acceptance once, acceptance rates, and the issued/accepted events.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class NextBestActionApiTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    static String action(String product, String trigger, int priority, String channel, double weight,
            String minDecile, String maxDecile) {
        return """
                {"actionType":"product-offer","actionRecommendation":"Offer %s","productId":%s,"trigger":"%s",
                 "priority":%d,"channel":"%s","businessWeight":%s,"validDays":7,"minDecile":%s,"maxDecile":%s}"""
                .formatted(product, product == null ? "null" : "\"" + product + "\"", trigger, priority, channel,
                        weight, minDecile, maxDecile);
    }

    private void putAction(String id, String body) {
        as("marketing").contentType("application/json").body(body)
                .when().put("/api/v1/recommendation/next-best-actions/catalogue/" + id).then().statusCode(200);
    }


    @Test
    void servedListsAndIssuedActionsLandThroughTheBatchLedgerNamingTheirCaller() {
        String run = "L" + UUID.randomUUID().toString().substring(0, 8);
        String channel = "app-" + run;
        String customer = run + "-C";
        putAction(run + "-offer", action(run + "-offer", "Threshold", 2, channel, 1, "null", "null"));
        as("service").contentType("application/json").body("""
                [{"interactionId":"%1$s-1","customerId":"%1$s-other","productId":"%1$s-p","implicitRating":"purchase",
                  "interactionTimestamp":"2026-10-01T09:00:00Z"}]""".formatted(run))
                .when().post("/api/v1/recommendation/interactions/batch").then().statusCode(200);

        // an issued action: one batch, the caller and roles in the ledger, its announcement queued with it
        String issueId = as("service").queryParam("channel", channel)
                .when().post("/api/v1/recommendation/customers/" + customer + "/next-best-actions")
                .then().statusCode(200).body("issued", hasSize(1)).extract().path("issued[0].issueId");
        JsonPath issued = as("marketing").when().get("/api/v1/recommendation/next-best-actions/" + issueId + "/history")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].receivedBy", equalTo("test-user"))
                .body("[0].sourceSystem", equalTo("recommendation-service"))
                .body("[0].record.actionId", equalTo(run + "-offer")).extract().jsonPath();
        as("data-scientist").when().get("/api/v1/recommendation/batches/" + issued.getString("[0].batchId")).then()
                .statusCode(200).body("source", equalTo("next-best-actions")).body("status", equalTo("promoted"))
                .body("records", equalTo(1)).body("eventsQueued", equalTo(1))
                .body("receivedRoles", equalTo(List.of("service")));

        // a served list: one record per product, the caller in the ledger
        String recommendationId = as("marketing").queryParam("context", "Mobile App")
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations")
                .then().statusCode(200).extract().path("items[0].recommendationId");
        JsonPath served = as("data-scientist")
                .when().get("/api/v1/recommendation/served-recommendations/" + recommendationId + "/history")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].receivedBy", equalTo("test-user"))
                .body("[0].record.customerId", equalTo(customer)).body("[0].record.context", equalTo("Mobile App"))
                .extract().jsonPath();
        as("data-scientist").when().get("/api/v1/recommendation/batches/" + served.getString("[0].batchId")).then()
                .statusCode(200).body("source", equalTo("served-recommendations")).body("status", equalTo("promoted"))
                .body("receivedRoles", equalTo(List.of("marketing")));
        as("sales-rep").when().get("/api/v1/recommendation/served-recommendations/" + recommendationId + "/history")
                .then().statusCode(403);

        // the service writes both: no generic write endpoint is published or routed for them
        JsonPath paths = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        for (String source : List.of("served-recommendations", "next-best-actions")) {
            assertEquals(null, paths.<Object>get("paths.'/api/v1/recommendation/" + source + "/batch'"));
            assertEquals(null, paths.<Object>get("paths.'/api/v1/recommendation/" + source + "/{id}'"));
        }
        as("service").contentType("application/json").body("[]")
                .when().post("/api/v1/recommendation/served-recommendations/batch").then().statusCode(404);
    }

    @Test
    void theCatalogueRefusesBadActionsNamingTheFieldAndOnlyMarketingWritesIt() {
        String channel = "ch-" + UUID.randomUUID();
        as("marketing").contentType("application/json").body(action("p", "Whenever", 2, channel, 1, "null", "null"))
                .when().put("/api/v1/recommendation/next-best-actions/catalogue/bad")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("trigger"));
        as("marketing").contentType("application/json").body(action("p", "Threshold", 2, channel, 0, "null", "null"))
                .when().put("/api/v1/recommendation/next-best-actions/catalogue/bad")
                .then().statusCode(400).body("errors[0].field", equalTo("businessWeight"));
        as("marketing").contentType("application/json").body(action("p", "Threshold", 2, channel, 1, "9", "3"))
                .when().put("/api/v1/recommendation/next-best-actions/catalogue/bad")
                .then().statusCode(400).body("errors[0].field", equalTo("maxDecile"));
        as("sales-rep").contentType("application/json").body(action("p", "Threshold", 2, channel, 1, "null", "null"))
                .when().put("/api/v1/recommendation/next-best-actions/catalogue/bad").then().statusCode(403);
        as("marketing").when().get("/api/v1/recommendation/next-best-actions/catalogue").then().statusCode(200)
                .body("findAll { it.actionId == 'bad' }", hasSize(0));
    }

    @Test
    void actionsAreArbitratedByValueWithinTheContactPolicyAcceptedOnceAndAnnounced() throws Exception {
        String run = "N" + UUID.randomUUID().toString().substring(0, 8);
        String channel = "email-" + run;
        String valuable = run + "-RICH";
        String unknown = run + "-NEW";
        putAction(run + "-savings", action(run + "-savings", "Lifecycle Event", 2, channel, 1, "null", "null"));
        putAction(run + "-retention", action(null, "Churn Risk", 1, channel, 1, "null", "3"));
        putAction(run + "-card", action(run + "-card", "Threshold", 2, channel, 2, "8", "null"));
        putAction(run + "-loan", action(run + "-loan", "Lifecycle Event", 2, channel, 5, "null", "null"));

        // the valuable customer already holds the loan; clv says decile 9, lifetime value 1000
        as("service").contentType("application/json").body("""
                [{"interactionId":"%s-L","customerId":"%s","productId":"%s-loan","implicitRating":"purchase",
                  "interactionTimestamp":"2026-10-01T09:00:00Z"}]""".formatted(run, valuable, run))
                .when().post("/api/v1/recommendation/interactions/batch").then().statusCode(200);
        KAFKA.send(topicPrefix + Topics.CLV_CUSTOMER_VALUE, valuable, """
                {"customerId":"%s","modelVersion":4,"predictionDate":"2026-11-23","predictedClv12mo":100.5,
                 "predictedClv36mo":400.25,"predictedClvLifetime":1000.00,"decile":9,"probabilityAlive":0.9,
                 "expectedPurchases12mo":3.1}""".formatted(valuable), Map.of("ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(), "ce_source", "clv-service",
                "ce_type", EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED.type(), "ce_subject", valuable,
                "ce_time", OffsetDateTime.now().toString(), "content-type", "application/json"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> as("marketing").when().get("/api/v1/recommendation/customers/" + valuable + "/value")
                        .statusCode() == 200);
        as("marketing").when().get("/api/v1/recommendation/customers/" + valuable + "/value").then()
                .body("clvDecile", equalTo(9)).body("clvModelVersion", equalTo(4));

        // eligible: savings (no bounds) and card (decile ≥ 8); not retention (decile ≤ 3) nor the loan (held).
        // Same tier, same (default) propensity: the card's weight 2 puts it first.
        JsonPath decision = as("service").queryParam("channel", channel)
                .when().post("/api/v1/recommendation/customers/" + valuable + "/next-best-actions")
                .then().statusCode(200).body("clvDecile", equalTo(9)).body("issued", hasSize(2))
                .body("issued.actionId", org.hamcrest.Matchers.contains(run + "-card", run + "-savings"))
                .body("issued.rankForCustomer", org.hamcrest.Matchers.contains(1, 2))
                .body("issued.value", everyItem(equalTo(1000.0f)))
                .body("issued[0].expectedValue", equalTo(100.0f)).body("issued[1].expectedValue", equalTo(50.0f))
                .body("rejected", hasSize(0))
                .extract().jsonPath();
        // the channel's cap (2 in the window) is used up: the same request now issues nothing, saying why
        as("service").queryParam("channel", channel)
                .when().post("/api/v1/recommendation/customers/" + valuable + "/next-best-actions")
                .then().statusCode(200).body("issued", hasSize(0))
                .body("rejected.reason", everyItem(equalTo("channel-cap"))).body("rejected", hasSize(2));
        // a customer without a prediction: only actions without decile bounds, at the default value
        as("sales-rep").queryParam("channel", channel)
                .when().post("/api/v1/recommendation/customers/" + unknown + "/next-best-actions")
                .then().statusCode(200).body("clvDecile", org.hamcrest.Matchers.nullValue())
                .body("issued.actionId", containsInAnyOrder(run + "-savings", run + "-loan"))
                .body("issued.value", everyItem(equalTo(1)));
        as("cx-analyst").when().post("/api/v1/recommendation/customers/" + unknown + "/next-best-actions")
                .then().statusCode(403);

        String card = decision.getString("issued[0].issueId");
        String acceptedAt = as("service").when().post("/api/v1/recommendation/next-best-actions/" + card + "/accept")
                .then().statusCode(200).body("actionId", equalTo(run + "-card")).body("customerId", equalTo(valuable))
                .extract().path("acceptedAt");
        as("sales-rep").when().post("/api/v1/recommendation/next-best-actions/" + card + "/accept")
                .then().statusCode(200).body("acceptedAt", equalTo(acceptedAt));
        as("service").when().post("/api/v1/recommendation/next-best-actions/nope-" + run + "/accept")
                .then().statusCode(404);
        as("cx-analyst").when().post("/api/v1/recommendation/next-best-actions/" + card + "/accept").then()
                .statusCode(403);
        as("marketing").when().get("/api/v1/recommendation/metrics/next-best-actions").then().statusCode(200)
                .body("find { it.actionId == '" + run + "-card' }.issued", equalTo(1))
                .body("find { it.actionId == '" + run + "-card' }.accepted", equalTo(1))
                .body("find { it.actionId == '" + run + "-card' }.acceptanceRate", equalTo(1.0f))
                .body("find { it.actionId == '" + run + "-savings' }.issued", equalTo(2))
                .body("find { it.actionId == '" + run + "-savings' }.acceptanceRate", equalTo(0.0f));

        String topic = topicPrefix + Topics.RECOMMENDATION_NEXT_BEST_ACTION;
        List<ConsumerRecord<String, String>> accepted = KAFKA.awaitRecords(topic,
                r -> field(r, "issueId").equals(card) && field(r, "acceptedAt").length() > 0, 1, Duration.ofSeconds(60));
        // one key, one partition, in order: the issued events and any repeated acceptance came before
        List<ConsumerRecord<String, String>> events = KAFKA.awaitRecords(topic, r -> valuable.equals(r.key()), 3,
                Duration.ofSeconds(60));
        assertEquals(3, events.size(), "two issued, one accepted: " + events);
        assertEquals(1, accepted.size());
        for (ConsumerRecord<String, String> e : events) {
            var type = EventCatalog.byType(KafkaTestClient.header(e, "ce_type")).orElseThrow();
            assertEquals(List.of(), EventSchemas.violations(type, EventJson.mapper().readTree(e.value())));
        }
    }
}
