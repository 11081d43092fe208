package org.retailcx.clv.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
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

/** Drives the consumer through the real broker, the way sales-service's outbox relay publishes. */
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
    void aWonSaleBecomesACustomerTransaction() {
        String customer = "CUST-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        publish(eventId, CLOSED_WON, customer, closedWon("OPP-1", customer, "1500.25"));
        awaitTransactions(customer, 1)
                .body("[0].sourceSystem", equalTo("sales-service"))
                .body("[0].sourceRecordId", equalTo("OPP-1"))
                .body("[0].eventId", equalTo(eventId))
                .body("[0].amount", equalTo(1500.25f))
                .body("[0].product", equalTo("loan"))
                .body("[0].transactionDate", equalTo("2026-11-20"));
    }

    @Test
    void aDuplicateDeliveryIsAppliedOnce() {
        String customer = "CUST-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        publish(first, CLOSED_WON, customer, closedWon("OPP-A", customer, "100"));
        publish(first, CLOSED_WON, customer, closedWon("OPP-A", customer, "100"));
        publish(first, CLOSED_WON, customer, closedWon("OPP-A", customer, "100"));
        // Same key, same partition: once the later event is in, the duplicates before it were processed.
        publish(UUID.randomUUID().toString(), CLOSED_WON, customer, closedWon("OPP-B", customer, "200"));
        awaitTransactions(customer, 2)
                .body("sourceRecordId", org.hamcrest.Matchers.containsInAnyOrder("OPP-A", "OPP-B"));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String customer = "CUST-" + UUID.randomUUID();
        String notJson = UUID.randomUUID().toString();
        String breaksSchema = UUID.randomUUID().toString();
        publish(notJson, CLOSED_WON, customer, "{this is not json");
        publish(breaksSchema, CLOSED_WON, customer, closedWon("OPP-NEG", customer, "-5"));
        KAFKA.send(topic(), customer, closedWon("OPP-NOHEADERS", customer, "5"), Map.of());
        publish(UUID.randomUUID().toString(), CLOSED_WON, customer, closedWon("OPP-GOOD", customer, "300"));

        awaitTransactions(customer, 1).body("[0].sourceRecordId", equalTo("OPP-GOOD"));
        List<ConsumerRecord<String, String>> dead = KAFKA.awaitRecords(topicPrefix + Topics.deadLetter("clv-service"),
                r -> customer.equals(r.key()), 3, Duration.ofSeconds(30));
        Map<String, String> reasons = new HashMap<>();
        dead.forEach(r -> reasons.put(String.valueOf(KafkaTestClient.header(r, "ce_id")),
                KafkaTestClient.header(r, "dlq-reason")));
        assertTrue(reasons.get(notJson).startsWith("unreadable event"), reasons::toString);
        assertTrue(reasons.get(breaksSchema).contains("amount"), reasons::toString);
        assertTrue(reasons.get("null").contains("not a CloudEvent"), reasons::toString);
        dead.forEach(r -> {
            assertEquals(topic(), KafkaTestClient.header(r, "dlq-original-topic"));
            assertEquals("clv-service", KafkaTestClient.header(r, "dlq-consumer"));
        });
        assertEquals("{this is not json", dead.stream().filter(r -> notJson.equals(KafkaTestClient.header(r, "ce_id")))
                .findFirst().orElseThrow().value(), "the dead letter keeps the original bytes for replay");
    }

    @Test
    void eventTypesTheServiceDoesNotHandleAreSkipped() {
        String customer = "CUST-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), "retailcx.sales.opportunity.stage-changed.v1", customer, "{}");
        publish(UUID.randomUUID().toString(), CLOSED_WON, customer, closedWon("OPP-AFTER", customer, "10"));
        awaitTransactions(customer, 1).body("[0].sourceRecordId", equalTo("OPP-AFTER"));
    }

    @Test
    void aWonSaleIsPromotedToSilverAndOneDatedInTheFutureIsQuarantined() {
        String customer = "CUST-" + UUID.randomUUID();
        publish(UUID.randomUUID().toString(), CLOSED_WON, customer, closedWon("OPP-FUTURE", customer, "10")
                .replace("2026-11-20", "2099-01-01"));
        publish(UUID.randomUUID().toString(), CLOSED_WON, customer, closedWon("OPP-NOW", customer, "20"));
        // the customer's transactions are silver's: the quarantined one is in bronze and the quarantine only
        awaitTransactions(customer, 1).body("[0].sourceRecordId", equalTo("OPP-NOW"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .header("Authorization", TestTokens.bearer("data-scientist")).queryParam("customerId", customer)
                .when().get("/api/v1/clv/quarantine").then().statusCode(200).extract().jsonPath()
                .getList("items").size() >= 1);
        given().header("Authorization", TestTokens.bearer("data-scientist")).queryParam("customerId", customer)
                .when().get("/api/v1/clv/quarantine").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].sourceRecordId", equalTo("OPP-FUTURE"))
                .body("items[0].sourceSystem", equalTo("sales-service"))
                .body("items[0].rule", equalTo("date-not-in-future"));
    }

    private void publish(String eventId, String type, String customer, String data) {
        KAFKA.send(topic(), customer, data, Map.of(
                "ce_specversion", "1.0", "ce_id", eventId, "ce_source", "sales-service", "ce_type", type,
                "ce_subject", "OPP", "ce_time", OffsetDateTime.now().toString(), "content-type", "application/json"));
    }

    private static String closedWon(String opportunityId, String customer, String amount) {
        return """
                {"opportunityId":"%s","customerId":"%s","ownerId":"REP-1","product":"loan","amount":%s,
                 "currency":"EUR","closeDate":"2026-11-20"}""".formatted(opportunityId, customer, amount);
    }

    private io.restassured.response.ValidatableResponse awaitTransactions(String customer, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> transactions(customer).extract().jsonPath().getList("$").size() >= count);
        return transactions(customer).body("$", hasSize(count));
    }

    private io.restassured.response.ValidatableResponse transactions(String customer) {
        return given().header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/clv/customers/" + customer + "/transactions").then().statusCode(200);
    }

    private String topic() {
        return topicPrefix + Topics.SALES_OPPORTUNITY;
    }
}
