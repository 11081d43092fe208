package org.retailcx.journey.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retailcx.journey.api.JourneyRuntimeTest.WAIT;
import static org.retailcx.journey.api.JourneyRuntimeTest.createAndPublish;
import static org.retailcx.journey.api.JourneyRuntimeTest.journeys;
import static org.retailcx.journey.api.JourneyRuntimeTest.suffix;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.Topics;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Sentiment's customer at-risk and recommendation's next-best-action issued, from Kafka, inside the inbox
 * transaction: an at-risk customer enters a recovery journey, issued next-best-actions move it, and a redelivered
 * event (same {@code ce_id}) moves nothing a second time.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ConsumedSignalsTest {

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @Test
    void anAtRiskCustomerEntersRecoveryAndEachIssuedNextBestActionMovesItOnce() throws Exception {
        String customer = "CUST-" + suffix();
        String key = "recovery-" + suffix();
        String issued = EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_ISSUED.type();
        createAndPublish(key, """
                {"entry": {"eventType": "%s",
                           "condition": "event.customerId == '%s' && 'leave-intent' in event.reasons"},
                 "admitsUnknownCustomers": true,
                 "start": "at-risk",
                 "nodes": [
                   {"id": "at-risk", "type": "stage", "name": "At risk", "next": "ask"},
                   {"id": "ask", "type": "next-best-action", "placement": "retention", "next": "first"},
                   {"id": "first", "type": "wait-for-event", "eventType": "%3$s", "timeout": "P7D",
                    "condition": "event.trigger == 'Churn Risk'", "onEvent": "offered", "onTimeout": "done"},
                   {"id": "offered", "type": "stage", "name": "Offered", "next": "second"},
                   {"id": "second", "type": "wait-for-event", "eventType": "%3$s", "timeout": "P7D",
                    "onEvent": "offered-again", "onTimeout": "done"},
                   {"id": "offered-again", "type": "stage", "name": "Offered again", "next": "third"},
                   {"id": "third", "type": "wait-for-event", "eventType": "%3$s", "timeout": "P7D",
                    "onEvent": "offered-thrice", "onTimeout": "done"},
                   {"id": "offered-thrice", "type": "stage", "name": "Offered thrice", "next": "done"},
                   {"id": "done", "type": "end"}]}"""
                .formatted(EventCatalog.SENTIMENT_CUSTOMER_AT_RISK.type(), customer, issued));

        String atRisk = """
                {"customerId": "%s", "reasons": ["leave-intent", "negative-sentiment"], "channel": "chat",
                 "sourceRecordId": "CHAT-1", "score": -0.8, "threshold": -0.5, "leaveIntent": "close my account",
                 "topics": ["fees"], "occurredAt": "%s"}""".formatted(customer, now());
        assertValid(EventCatalog.SENTIMENT_CUSTOMER_AT_RISK, atRisk);
        String atRiskId = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure()) {
            publish(kafka, Topics.SENTIMENT_CUSTOMER, atRiskId, EventCatalog.SENTIMENT_CUSTOMER_AT_RISK.type(),
                    "sentiment-service", customer, atRisk);
            publish(kafka, Topics.SENTIMENT_CUSTOMER, atRiskId, EventCatalog.SENTIMENT_CUSTOMER_AT_RISK.type(),
                    "sentiment-service", customer, atRisk);
            Awaitility.await().atMost(WAIT).until(() -> "first".equals(journeys(customer).getString("[0].currentNode")));

            // the first issue twice (a redelivery), then a second one, in order on the customer's partition
            publish(kafka, Topics.RECOMMENDATION_NEXT_BEST_ACTION, first, issued, "recommendation-service", customer,
                    nextBestAction(customer, "NBA-1"));
            publish(kafka, Topics.RECOMMENDATION_NEXT_BEST_ACTION, first, issued, "recommendation-service", customer,
                    nextBestAction(customer, "NBA-1"));
            publish(kafka, Topics.RECOMMENDATION_NEXT_BEST_ACTION, UUID.randomUUID().toString(), issued,
                    "recommendation-service", customer, nextBestAction(customer, "NBA-2"));
            Awaitility.await().atMost(WAIT)
                    .until(() -> "offered-again".equals(journeys(customer).getString("[0].currentStage")));
        }
        JsonPath j = journeys(customer);
        assertEquals(1, j.getList("$").size(), "a redelivered at-risk event starts nothing twice: " + j.prettify());
        assertEquals("third", j.getString("[0].currentNode"), "the redelivered issue moved nothing: " + j.prettify());
        assertEquals(List.of("at-risk", "offered", "offered-again"),
                j.getList("[0].transitions.findAll { it.kind == 'STAGE_ENTERED' }.stage"), j.prettify());
        assertEquals(List.of("retention"), j.getList("[0].actions.content"));
    }

    static String nextBestAction(String customer, String issueId) {
        String json = """
                {"issueId": "%s", "actionId": "A-RET-1", "customerId": "%s", "actionType": "retention-offer",
                 "actionRecommendation": "Waive the account fee for a year", "channel": "app", "trigger": "Churn Risk",
                 "priority": 1, "rankForCustomer": 1, "propensity": 0.31, "value": 120.0, "expectedValue": 37.2,
                 "issuedAt": "%s", "expiry": "%s"}""".formatted(issueId, customer, now(),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(7));
        assertValid(EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_ISSUED, json);
        return json;
    }

    private static void assertValid(org.retailcx.schema.EventType<?> type, String json) {
        try {
            assertEquals(List.of(), EventSchemas.violations(type, EventJson.mapper().readTree(json)));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
    }

    private void publish(KafkaTestClient kafka, String topic, String eventId, String type, String source, String key,
            String data) {
        kafka.send(topicPrefix + topic, key, data, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_source", source, "ce_type", type, "ce_time", OffsetDateTime.now().toString(),
                "content-type", "application/json"));
    }
}
