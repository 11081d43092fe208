package org.retailcx.recommendation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import org.retailcx.schema.EventType;
import org.retailcx.schema.Topics;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Next-best-actions triggered through the real broker: a clv decile change issues the customer's Threshold actions
 * and a sentiment at-risk alert its Churn Risk actions, each once despite a duplicate delivery; a first prediction or
 * a repeat of the same decile triggers nothing.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class TriggeredActionsApiTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }


    private void send(EventType<?> type, String topic, String customer, String eventId, String data) {
        KAFKA.send(topicPrefix + topic, customer, data, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_source", "test", "ce_type", type.type(), "ce_subject", customer,
                "ce_time", OffsetDateTime.now().toString(), "content-type", "application/json"));
    }

    private void value(String customer, int version, int decile) {
        send(EventCatalog.CLV_CUSTOMER_VALUE_PREDICTED, Topics.CLV_CUSTOMER_VALUE, customer, UUID.randomUUID().toString(),
                """
                {"customerId":"%s","modelVersion":%d,"predictionDate":"2026-11-23","predictedClv12mo":100,
                 "predictedClv36mo":300,"predictedClvLifetime":500.00,"decile":%d,"probabilityAlive":0.9,
                 "expectedPurchases12mo":2}""".formatted(customer, version, decile));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var r = given().header("Authorization", TestTokens.bearer("marketing"))
                            .when().get("/api/v1/recommendation/customers/" + customer + "/value");
                    return r.statusCode() == 200 && r.jsonPath().getInt("clvModelVersion") == version;
                });
    }

    private List<ConsumerRecord<String, String>> issued(String customer, String actionId, Duration wait) {
        return KAFKA.readFor(topicPrefix + EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_ISSUED.topic(),
                r -> customer.equals(r.key()) && actionId.equals(field(r, "actionId")), wait);
    }

    private void putAction(String id, String trigger, String channel) {
        given().header("Authorization", TestTokens.bearer("marketing")).contentType("application/json")
                .body(NextBestActionApiTest.action(null, trigger, 1, channel, 100, "null", "null"))
                .when().put("/api/v1/recommendation/next-best-actions/catalogue/" + id).then().statusCode(200);
    }

    @Test
    void aDecileChangeAndAnAtRiskAlertEachIssueTheirActionsOnce() throws Exception {
        String run = "T" + UUID.randomUUID().toString().substring(0, 8);
        putAction(run + "-upgrade", "Threshold", "email-" + run);
        putAction(run + "-retain", "Churn Risk", "call-" + run);
        String valued = run + "-V";
        String unhappy = run + "-U";

        // a first prediction is no change; the next version moves the customer from decile 5 to 9, delivered twice
        value(valued, 1, 5);
        String changeId = UUID.randomUUID().toString();
        String change = """
                {"customerId":"%s","modelVersion":2,"previousModelVersion":1,"previousDecile":5,"decile":9,
                 "predictionDate":"2026-11-24","predictedClvLifetime":900.00}""".formatted(valued);
        send(EventCatalog.CLV_CUSTOMER_VALUE_DECILE_CHANGED, Topics.CLV_CUSTOMER_VALUE, valued, changeId, change);
        send(EventCatalog.CLV_CUSTOMER_VALUE_DECILE_CHANGED, Topics.CLV_CUSTOMER_VALUE, valued, changeId, change);
        KAFKA.awaitRecords(topicPrefix + EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_ISSUED.topic(),
                r -> valued.equals(r.key()) && field(r, "actionId").equals(run + "-upgrade"), 1, Duration.ofSeconds(60));
        // a third version keeps decile 9: nothing more
        value(valued, 3, 9);
        List<ConsumerRecord<String, String>> upgrades = issued(valued, run + "-upgrade", Duration.ofSeconds(5));
        assertEquals(1, upgrades.size(), upgrades::toString);
        var data = EventJson.mapper().readTree(upgrades.get(0).value());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_ISSUED, data));
        assertEquals("Threshold", data.get("trigger").asText());
        assertEquals(900.0, data.get("value").asDouble(), 1e-9, "the new value");
        assertEquals(0, issued(valued, run + "-retain", Duration.ofSeconds(1)).size(), "no churn action without alert");
        given().header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/recommendation/next-best-actions/" + data.get("issueId").asText() + "/history")
                .then().statusCode(200).body("[0].receivedBy", equalTo("recommendation-service:clv-decile-changed"));

        // an at-risk alert, delivered twice: the churn-risk action once
        String alertId = UUID.randomUUID().toString();
        String alert = """
                {"customerId":"%s","reasons":["leave-intent"],"channel":"call","sourceRecordId":"%s-TXT",
                 "score":-0.8,"threshold":-0.5,"leaveIntent":"I am closing my account","topics":["fees_and_charges"],
                 "occurredAt":"2026-11-24T10:00:00Z"}""".formatted(unhappy, run);
        send(EventCatalog.SENTIMENT_CUSTOMER_AT_RISK, Topics.SENTIMENT_CUSTOMER, unhappy, alertId, alert);
        send(EventCatalog.SENTIMENT_CUSTOMER_AT_RISK, Topics.SENTIMENT_CUSTOMER, unhappy, alertId, alert);
        KAFKA.awaitRecords(topicPrefix + EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_ISSUED.topic(),
                r -> unhappy.equals(r.key()) && field(r, "actionId").equals(run + "-retain"), 1, Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> retained = issued(unhappy, run + "-retain", Duration.ofSeconds(5));
        assertEquals(1, retained.size(), retained::toString);
        assertEquals("Churn Risk", field(retained.get(0), "trigger"));
        assertEquals("call-" + run, field(retained.get(0), "channel"));
        assertEquals(0, issued(unhappy, run + "-upgrade", Duration.ofSeconds(1)).size());
        given().header("Authorization", TestTokens.bearer("data-scientist"))
                .when().get("/api/v1/recommendation/risk-alerts/" + unhappy + "@" + run + "-TXT/history")
                .then().statusCode(200).body("[0].record.reasons", equalTo(List.of("leave-intent")))
                .body("[0].sourceSystem", equalTo("sentiment-service"));
    }
}
