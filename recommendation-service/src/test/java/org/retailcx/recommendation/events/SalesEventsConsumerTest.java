package org.retailcx.recommendation.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.retailcx.schema.Topics;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Won sales arrive through the real broker, as sales-service's relay publishes them, and become purchases. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class SalesEventsConsumerTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();
    private static final String CLOSED_WON = "retailcx.sales.opportunity.closed-won.v1";

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void aWonSaleIsAPurchaseOnceEvenWhenDeliveredTwiceAndIsNeverRecommendedAgain() {
        String customer = "CUST-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        publish(eventId, CLOSED_WON, customer, closedWon("OPP-1", customer, "loan", "2500"));
        publish(eventId, CLOSED_WON, customer, closedWon("OPP-1", customer, "loan", "2500"));
        // same key, same partition: once the later event is in, the duplicate before it was processed
        publish(UUID.randomUUID().toString(), CLOSED_WON, customer, closedWon("OPP-2", customer, "card", "40"));
        awaitInteractions(customer, 2)
                .body("interactionId", containsInAnyOrder("OPP-1", "OPP-2"))
                .body("sourceSystem", containsInAnyOrder("sales-service", "sales-service"))
                .body("implicitRating", containsInAnyOrder("purchase", "purchase"))
                .body("interactionType", containsInAnyOrder("closed-won", "closed-won"))
                .body("find { it.interactionId == 'OPP-1' }.interactionValue", equalTo(2500.0f))
                .body("find { it.interactionId == 'OPP-1' }.interactionTimestamp", equalTo("2026-11-20T00:00:00Z"));
        given().header("Authorization", TestTokens.bearer("service")).queryParam("k", 100)
                .queryParam("context", "Homepage")
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations")
                .then().statusCode(200).body("items.productId", not(hasItem("loan")))
                .body("items.productId", not(hasItem("card")));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String customer = "CUST-" + UUID.randomUUID();
        String notJson = UUID.randomUUID().toString();
        String breaksSchema = UUID.randomUUID().toString();
        publish(notJson, CLOSED_WON, customer, "{not json");
        publish(breaksSchema, CLOSED_WON, customer, closedWon("OPP-BAD", customer, "mortgage-ish", "10"));
        publish(UUID.randomUUID().toString(), CLOSED_WON, customer, closedWon("OPP-GOOD", customer, "savings", "1"));
        awaitInteractions(customer, 1).body("[0].interactionId", equalTo("OPP-GOOD"));
        List<ConsumerRecord<String, String>> dead = KAFKA.awaitRecords(
                topicPrefix + Topics.deadLetter("recommendation-service"), r -> customer.equals(r.key()), 2,
                Duration.ofSeconds(60));
        assertEquals(2, dead.size());
        String reasons = dead.stream().map(r -> KafkaTestClient.header(r, "dlq-reason")).toList().toString();
        assertTrue(reasons.contains("unreadable event") && reasons.contains("product"), reasons);
    }

    private void publish(String eventId, String type, String customer, String data) {
        KAFKA.send(topicPrefix + Topics.SALES_OPPORTUNITY, customer, data, Map.of(
                "ce_specversion", "1.0", "ce_id", eventId, "ce_source", "sales-service", "ce_type", type,
                "ce_subject", "OPP", "ce_time", OffsetDateTime.now().toString(), "content-type", "application/json"));
    }

    private static String closedWon(String opportunityId, String customer, String product, String amount) {
        return """
                {"opportunityId":"%s","customerId":"%s","ownerId":"REP-1","product":"%s","amount":%s,
                 "currency":"EUR","closeDate":"2026-11-20"}""".formatted(opportunityId, customer, product, amount);
    }

    private ValidatableResponse awaitInteractions(String customer, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> interactions(customer).extract().jsonPath().getList("$").size() >= count);
        return interactions(customer).body("$", hasSize(count));
    }

    private ValidatableResponse interactions(String customer) {
        return given().header("Authorization", TestTokens.bearer("data-scientist"))
                .when().get("/api/v1/recommendation/customers/" + customer + "/interactions").then().statusCode(200);
    }
}
