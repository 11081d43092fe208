package org.retailcx.sales.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.Topics;
import org.retailcx.schema.sales.OpportunityClosedWon;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestInfrastructure;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OpportunityIngestionTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();
    private static final String CLOSED_WON = EventCatalog.SALES_OPPORTUNITY_CLOSED_WON.type();

    @Inject
    Pool pool;

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    /** Opportunities need a known owner: REP-7 and the territory it works in. */
    @BeforeEach
    void ownerIsKnown() {
        given().header("Authorization", TestTokens.bearer("service")).contentType(ContentType.JSON)
                .body("{\"territoryId\":\"TER-7\",\"name\":\"North\"}")
                .when().put("/api/v1/sales/territories/TER-7").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("service")).contentType(ContentType.JSON)
                .body("{\"repId\":\"REP-7\",\"territoryId\":\"TER-7\",\"team\":\"Retail\"}")
                .when().put("/api/v1/sales/reps/REP-7").then().statusCode(200);
    }

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void closedWonIsPublishedOnceAsACloudEventThroughTheOutbox() throws Exception {
        String id = "OPP-" + UUID.randomUUID();
        put(id, opportunity(id, "ACC-1", "Proposal", "12000.00")).body("eventsQueued", equalTo(1)); // created
        put(id, opportunity(id, "ACC-1", "Closed Won", "12000.00")).body("eventsQueued", equalTo(2)); // + stage
        put(id, opportunity(id, "ACC-1", "Closed Won", "12000.00")).body("eventsQueued", equalTo(0));

        ConsumerRecord<String, String> event = awaitEvent(id, Duration.ofSeconds(30));
        assertEquals("1.0", KafkaTestClient.header(event, "ce_specversion"));
        assertEquals("retailcx.sales.opportunity.closed-won.v1", KafkaTestClient.header(event, "ce_type"));
        assertEquals("sales-service", KafkaTestClient.header(event, "ce_source"));
        assertEquals(outboxRow(id).getUUID("id").toString(), KafkaTestClient.header(event, "ce_id"));
        assertEquals("ACC-1", event.key(), "keyed by customer so that per-customer order holds");
        var data = EventJson.mapper().readTree(event.value());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.SALES_OPPORTUNITY_CLOSED_WON, data));
        var won = EventJson.mapper().treeToValue(data, OpportunityClosedWon.class);
        assertEquals("loan", won.product());
        assertEquals(0, won.amount().compareTo(new java.math.BigDecimal("12000.00")));
        assertEquals("REP-7", won.ownerId());

        List<ConsumerRecord<String, String>> all = KAFKA.readFor(topic(), r -> id.equals(KafkaTestClient.header(r,
                "ce_subject")) && CLOSED_WON.equals(KafkaTestClient.header(r, "ce_type")), Duration.ofSeconds(2));
        assertEquals(1, all.size(), "a re-sent won deal is not announced twice");
    }

    @Test
    void anEventWrittenWhileTheBrokerIsDownArrivesOnceItIsBack() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        Assumptions.assumeTrue(infra.kafkaIsEmbedded(), "needs a broker this JVM can stop");
        String id = "OPP-" + UUID.randomUUID();
        infra.stopKafka();
        try {
            put(id, opportunity(id, "ACC-2", "Closed Won", "900.00")).body("eventsQueued", equalTo(2)); // + created
            Thread.sleep(2_000); // the relay tries and fails meanwhile
            assertNull(outboxRow(id).getOffsetDateTime("published_at"), "not published while the broker is down");
        } finally {
            infra.startKafka();
        }
        ConsumerRecord<String, String> event = awaitEvent(id, Duration.ofSeconds(90));
        assertEquals("ACC-2", event.key());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> outboxRow(id).getOffsetDateTime("published_at") != null);
        assertNotNull(outboxRow(id).getOffsetDateTime("published_at"));
    }

    @Test
    void aBatchWithOneBadRecordIsRejectedWholeNamingEveryBadField() {
        String good = "OPP-" + UUID.randomUUID();
        String ndjson = opportunity(good, "ACC-3", "Prospecting", "10") + "\n"
                + "{\"accountId\":\"ACC-3\",\"stage\":\"Prospecting\"}\n"
                + opportunity("OPP-" + UUID.randomUUID(), "ACC-3", "Prospecting", "\"lots\"") + "\n";
        given().header("Authorization", TestTokens.bearer("service"))
                .contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/sales/opportunities/batch").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains("[1].opportunityId", "[2].amount"));
        history(good).statusCode(404);
    }

    @Test
    void batchesAcceptNdjsonAndJsonArraysAndReplayAnIdempotencyKey() {
        String a = "OPP-" + UUID.randomUUID();
        String b = "OPP-" + UUID.randomUUID();
        String array = "[" + opportunity(a, "ACC-4", "Qualification", "100") + ","
                + opportunity(b, "ACC-4", "Closed Won", "250.50") + "]";
        String key = UUID.randomUUID().toString();
        String batchId = batch(array, ContentType.JSON.toString(), key).statusCode(200)
                .body("records", equalTo(2)).body("eventsQueued", equalTo(3)) // two created, one closed-won
                .extract().path("batchId");
        batch(array, ContentType.JSON.toString(), key).statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("batchId", equalTo(batchId));
        history(a).statusCode(200).body("$", hasSize(1));
        batch(opportunity(a, "ACC-4", "Proposal", "100"), "application/x-ndjson", key).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:retailcx:problem:idempotency-key-reused"));
        batch(opportunity(a, "ACC-4", "Proposal", "100"), "application/x-ndjson", null).statusCode(200);
        history(a).statusCode(200).body("$", hasSize(2)).body("[1].record.stage", equalTo("Proposal"));
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndWritesNothing() {
        String id = "OPP-" + UUID.randomUUID();
        put(id, "{\"opportunityId\": \"" + id + "\", ", 400)
                .body("type", equalTo("urn:retailcx:problem:malformed-json"))
                .body("errors[0].field", equalTo("body"));
        put(id, opportunity(id, "ACC-5", "Proposal", "\"lots\""), 400)
                .body("errors[0].field", equalTo("amount"));
        put(id, "{\"opportunityId\":\"" + id + "\",\"accountId\":\"ACC-5\",\"expectedCloseDate\":\"soon\","
                + "\"stage\":\"Proposal\"}", 400)
                .body("errors[0].field", equalTo("expectedCloseDate"));
        put(id, "{\"opportunityId\":\"" + id + "\",\"accountId\":\"ACC-5\"}", 400)
                .body("errors[0].field", equalTo("stage"))
                .body("detail", containsString("stage"));
        put(id, opportunity("OPP-other", "ACC-5", "Proposal", "1"), 400)
                .body("errors[0].field", equalTo("opportunityId"));
        history(id).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void writingNeedsAnIngestionRole() {
        String id = "OPP-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(opportunity(id, "ACC-6", "Proposal", "1"))
                .when().put("/api/v1/sales/opportunities/" + id).then()
                .statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("cx-analyst"))
                .contentType(ContentType.JSON).body(opportunity(id, "ACC-6", "Proposal", "1"))
                .when().put("/api/v1/sales/opportunities/" + id).then()
                .statusCode(403).contentType("application/problem+json");
        history(id).statusCode(404);
    }

    static String opportunity(String id, String account, String stage, String amount) {
        return """
                {"opportunityId":"%s","accountId":"%s","ownerId":"REP-7","stage":"%s","amount":%s,"currency":"EUR",
                 "probability":60,"expectedCloseDate":"2026-11-30","productInterest":"loan","leadSource":"Branch"}"""
                .formatted(id, account, stage, amount).replace("\n", "");
    }

    private io.restassured.response.ValidatableResponse put(String id, String body) {
        return put(id, body, 200);
    }

    private io.restassured.response.ValidatableResponse put(String id, String body, int status) {
        var response = given().header("Authorization", TestTokens.bearer("service"))
                .header("X-Source-System", "test-crm")
                .contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/sales/opportunities/" + id).then()
                .statusCode(status);
        return status == 200 ? response : response.contentType("application/problem+json");
    }

    private io.restassured.response.ValidatableResponse batch(String body, String contentType, String key) {
        var request = given().header("Authorization", TestTokens.bearer("service")).contentType(contentType)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/sales/opportunities/batch").then();
    }

    private io.restassured.response.ValidatableResponse history(String id) {
        return given().header("Authorization", TestTokens.bearer("admin"))
                .when().get("/api/v1/sales/opportunities/" + id + "/history").then();
    }

    private String topic() {
        return topicPrefix + Topics.SALES_OPPORTUNITY;
    }

    private ConsumerRecord<String, String> awaitEvent(String opportunityId, Duration timeout) {
        return KAFKA.awaitRecords(topic(), r -> opportunityId.equals(KafkaTestClient.header(r, "ce_subject"))
                && CLOSED_WON.equals(KafkaTestClient.header(r, "ce_type")), 1, timeout).get(0);
    }

    private Row outboxRow(String opportunityId) {
        return pool.preparedQuery("select id, published_at from platform.outbox where ce_subject = $1 and ce_type = $2")
                .execute(Tuple.of(opportunityId, CLOSED_WON)).await().atMost(Duration.ofSeconds(10)).iterator().next();
    }
}
