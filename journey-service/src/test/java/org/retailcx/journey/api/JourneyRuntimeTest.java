package org.retailcx.journey.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * Journeys end to end on the real database and broker: definitions validated and versioned, digital events through
 * the API and sales events through Kafka advancing instances once, durable timers, abandonment and recovery, contact
 * rules on messages, and the events that leave through the outbox. Each test uses its own event types and customers,
 * so the journeys they publish do not meet.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class JourneyRuntimeTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();
    static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    /** Welcome stage → e-mail → wait for a login (timeout → end) → active stage → end; goal: funded. */
    static String onboarding(String prefix, boolean admitsUnknown, String expectedTime) {
        return """
                {"entry": {"eventType": "%1$s.signup", "condition": "event.product == 'current-account'"},
                 "admitsUnknownCustomers": %2$s,
                 "start": "welcome",
                 "nodes": [
                   {"id": "welcome", "type": "stage", "name": "Welcome", "expectedTime": "%3$s", "next": "send-welcome"},
                   {"id": "send-welcome", "type": "message", "channel": "email", "template": "welcome", "next": "await-login"},
                   {"id": "await-login", "type": "wait-for-event", "eventType": "%1$s.login", "timeout": "P3D",
                    "onEvent": "active", "onTimeout": "lost"},
                   {"id": "active", "type": "stage", "name": "Active", "next": "done"},
                   {"id": "done", "type": "end"},
                   {"id": "lost", "type": "end"}],
                 "goals": [{"name": "account funded", "eventType": "%1$s.funded", "condition": "event.amount > 0"}],
                 "reEntry": {"mode": "after-finish"}}""".formatted(prefix, admitsUnknown, expectedTime);
    }

    static int createAndPublish(String key, String definition) {
        int version = as("marketing").contentType("application/json").body(definition)
                .when().post("/api/v1/journey/definitions/" + key + "/versions")
                .then().statusCode(201).body("status", equalTo("draft")).extract().path("version");
        as("marketing").when().post("/api/v1/journey/definitions/" + key + "/versions/" + version + "/publish")
                .then().statusCode(200).body("status", equalTo("published"));
        return version;
    }

    static String event(String id, String type, String customer, String data) {
        return """
                {"eventId": "%s", "eventType": "%s", "customerId": "%s", "occurredAt": "%s", "data": %s}"""
                .formatted(id, type, customer, OffsetDateTime.now(ZoneOffset.UTC), data);
    }

    /** Posts a batch and waits until it is promoted (a loaded machine may answer 202 before promotion ends). */
    static void ingest(String... events) {
        var response = as("service").contentType("application/x-ndjson")
                .body((String.join("\n", events) + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/journey/events/batch")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 202)).extract();
        String batch = response.path("batchId");
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> !"accepted".equals(as("cx-analyst").when().get("/api/v1/journey/batches/" + batch)
                        .then().statusCode(200).extract().path("status")));
        as("cx-analyst").when().get("/api/v1/journey/batches/" + batch).then().statusCode(200)
                .body("status", equalTo("promoted"));
    }

    static void knownCustomer(String customer, String body) {
        as("service").contentType("application/json").body(body)
                .when().put("/api/v1/journey/customers/" + customer).then().statusCode(200);
    }

    static JsonPath journeys(String customer) {
        return as("cx-analyst").when().get("/api/v1/journey/customers/" + customer + "/journeys")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anInvalidDefinitionIsRefusedNamingTheNodeAndNothingIsStored() {
        String key = "broken-" + suffix();
        String unreachableAndBadCel = """
                {"entry": {"eventType": "x.signup", "condition": "event.product == "},
                 "start": "a",
                 "nodes": [
                   {"id": "a", "type": "condition-split", "branches": [{"condition": "customer.vip", "next": "loop1"}],
                    "otherwise": "b"},
                   {"id": "b", "type": "end"},
                   {"id": "orphan", "type": "message", "channel": "sms", "template": "t", "next": "b"},
                   {"id": "loop1", "type": "stage", "name": "L1", "next": "loop2"},
                   {"id": "loop2", "type": "stage", "name": "L2", "next": "loop1"}]}""";
        as("marketing").contentType("application/json").body(unreachableAndBadCel)
                .when().post("/api/v1/journey/definitions/" + key + "/versions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("nodes[orphan]"))
                .body("errors.field", hasItem("entry"))
                .body("errors.find { it.field == 'nodes[orphan]' }.message", containsString("unreachable"))
                .body("errors.findAll { it.field == 'nodes[loop1]' }.message", hasItem(containsString("passes no wait")))
                .body("errors.findAll { it.field == 'nodes[loop2]' }.message",
                        hasItem(containsString("ever reaches an end")))
                .body("errors.find { it.field == 'entry' }.message", containsString("line 1, column"));
        String unknownTypeAndBadDuration = onboarding("x", false, "two days").replace("\"type\": \"end\"}]",
                "\"type\": \"teleport\"}]");
        as("marketing").contentType("application/json").body(unknownTypeAndBadDuration)
                .when().post("/api/v1/journey/definitions/" + key + "/versions")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("nodes[0].expectedTime", "nodes[5].type"));
        as("cx-analyst").queryParam("key", key).when().get("/api/v1/journey/definitions")
                .then().statusCode(200).body("$", hasSize(0));
        as("sales-rep").contentType("application/json").body(onboarding("x", false, "P2D"))
                .when().post("/api/v1/journey/definitions/" + key + "/versions").then().statusCode(403);
        given().contentType("application/json").body(onboarding("x", false, "P2D"))
                .when().post("/api/v1/journey/definitions/" + key + "/versions").then().statusCode(401);
        as("marketing").contentType("application/json").body(onboarding("x", false, "P2D"))
                .when().post("/api/v1/journey/definitions/Not_A_Key/versions").then().statusCode(400)
                .body("errors[0].field", equalTo("key"));
    }

    @Test
    void definitionsLandInBronzeThroughTheBatchLedgerNamingTheirSubmitter() {
        String key = "lineage-" + suffix();
        String refused = onboarding("x", false, "two days");
        as("marketing").contentType("application/json").body(refused)
                .when().post("/api/v1/journey/definitions/" + key + "/versions").then().statusCode(400);
        as("marketing").contentType("application/json").body(onboarding("x", false, "P2D"))
                .when().post("/api/v1/journey/definitions/" + key + "/versions").then().statusCode(201)
                .body("version", equalTo(1)).body("createdBy", equalTo("test-user"));

        // the accepted version: its submission as sent, the submitter from the ledger, the batch promoted
        JsonPath accepted = as("cx-analyst").when().get("/api/v1/journey/definitions/" + key + "@1/history")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].sourceSystem", equalTo("api"))
                .body("[0].receivedBy", equalTo("test-user")).body("[0].record.start", equalTo("welcome"))
                .extract().jsonPath();
        as("cx-analyst").when().get("/api/v1/journey/batches/" + accepted.getString("[0].batchId")).then()
                .statusCode(200).body("source", equalTo("definitions")).body("status", equalTo("promoted"))
                .body("records", equalTo(1)).body("receivedBy", equalTo("test-user"))
                .body("receivedRoles", equalTo(List.of("marketing")));
        // the refused submission stays in bronze under the key alone, as sent
        as("cx-analyst").when().get("/api/v1/journey/definitions/" + key + "/history").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].receivedBy", equalTo("test-user"))
                .body("[0].record.nodes[0].expectedTime", equalTo("two days"));
        as("sales-rep").when().get("/api/v1/journey/definitions/" + key + "@1/history").then().statusCode(403);

        // the service writes definitions: no generic write endpoint is published for them
        JsonPath paths = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals(null, paths.<Object>get("paths.'/api/v1/journey/definitions/{id}'"));
        assertEquals(null, paths.<Object>get("paths.'/api/v1/journey/definitions/batch'"));
        assertEquals(List.of("admin", "cx-analyst", "data-scientist", "marketing"),
                paths.getList("paths.'/api/v1/journey/definitions/{id}/history'.get.x-roles"));
    }

    @Test
    void versionsArePublishedOneAtATimeAndInstancesStayOnTheVersionTheyEntered() {
        String prefix = "v" + suffix();
        String key = "onboarding-" + prefix;
        String customer = "CUST-" + suffix();
        knownCustomer(customer, "{\"customerId\": \"" + customer + "\", \"timeZone\": \"Europe/Paris\"}");
        assertEquals(1, createAndPublish(key, onboarding(prefix, false, "P2D")));
        ingest(event("E1-" + customer, prefix + ".signup", customer, "{\"product\": \"current-account\"}"));
        assertEquals(2, createAndPublish(key, onboarding(prefix, false, "P5D")));
        as("marketing").queryParam("key", key).when().get("/api/v1/journey/definitions").then().statusCode(200)
                .body("version", equalTo(List.of(2, 1))).body("status", equalTo(List.of("published", "retired")));

        ingest(event("E2-" + customer, prefix + ".login", customer, "{}"));
        JsonPath j = journeys(customer);
        assertEquals(1, j.getList("$").size());
        assertEquals(1, j.getInt("[0].journeyVersion"), "the instance keeps the version it entered");
        assertEquals("ENDED", j.getString("[0].status"));
        assertEquals(List.of("ENTERED", "STAGE_ENTERED", "MOVED", "MOVED", "WAITING", "MOVED", "STAGE_ENTERED",
                "MOVED", "ENDED"), j.getList("[0].transitions.kind"));
    }

    @Test
    void eventsAdvanceAJourneyOnceAnnounceItAndOnlyKnownCustomersEnter() throws Exception {
        String prefix = "k" + suffix();
        String key = "onboarding-" + prefix;
        String known = "CUST-" + suffix();
        String unknown = "CUST-" + suffix();
        knownCustomer(known, "{\"customerId\": \"" + known + "\", \"timeZone\": \"America/New_York\"}");
        createAndPublish(key, onboarding(prefix, false, "P2D"));

        String signup = event("S-" + known, prefix + ".signup", known, "{\"product\": \"current-account\"}");
        ingest(signup, event("S-" + unknown, prefix + ".signup", unknown, "{\"product\": \"current-account\"}"),
                event("S2-" + known, prefix + ".signup", known, "{\"product\": \"savings\"}"));
        ingest(signup); // the same event again, in a later batch
        JsonPath j = journeys(known);
        assertEquals(1, j.getList("$").size(), j.prettify());
        assertEquals("ACTIVE", j.getString("[0].status"));
        assertEquals("await-login", j.getString("[0].currentNode"));
        assertEquals("welcome", j.getString("[0].currentStage"));
        assertEquals(List.of("released"), j.getList("[0].actions.status"));
        assertEquals(1, j.getList("[0].transitions.findAll { it.kind == 'ENTERED' }").size());
        assertEquals(0, journeys(unknown).getList("$").size(), "the journey admits known customers only");

        ingest(event("F-" + known, prefix + ".funded", known, "{\"amount\": 250.0}"));
        j = journeys(known);
        assertEquals("COMPLETED", j.getString("[0].status"));
        String instanceId = j.getString("[0].instanceId");

        List<ConsumerRecord<String, String>> lifecycle = KAFKA.awaitRecords(topicPrefix + Topics.JOURNEY_INSTANCE,
                r -> known.equals(r.key()), 2, WAIT);
        assertEquals(List.of(EventCatalog.JOURNEY_STAGE_ENTERED.type(), EventCatalog.JOURNEY_COMPLETED.type()),
                lifecycle.stream().map(r -> KafkaTestClient.header(r, "ce_type")).toList());
        JsonPath completed = JsonPath.from(lifecycle.get(1).value());
        assertEquals("account funded", completed.getString("goal"));
        assertEquals(instanceId, completed.getString("instanceId"));
        List<ConsumerRecord<String, String>> actions = KAFKA.awaitRecords(topicPrefix + Topics.JOURNEY_ACTION,
                r -> known.equals(r.key()), 1, WAIT);
        assertEquals(1, actions.size());
        JsonPath action = JsonPath.from(actions.get(0).value());
        assertEquals("message", action.getString("actionType"));
        assertEquals("email", action.getString("channel"));
        assertEquals("welcome", action.getString("content"));
        for (ConsumerRecord<String, String> r : List.of(lifecycle.get(0), lifecycle.get(1), actions.get(0))) {
            var type = EventCatalog.byType(KafkaTestClient.header(r, "ce_type")).orElseThrow();
            assertEquals(List.of(), EventSchemas.violations(type, EventJson.mapper().readTree(r.value())));
        }
    }

    @Test
    void aLeadCreatedOnKafkaStartsALeadJourneyOnce() {
        String lead = "GL-" + suffix();
        String key = "lead-nurture-" + suffix();
        createAndPublish(key, """
                {"entry": {"eventType": "retailcx.sales.lead.created.v1",
                           "condition": "event.goldenLeadId == '%s' && event.productInterest == 'mortgage'"},
                 "admitsUnknownCustomers": true,
                 "start": "new",
                 "nodes": [
                   {"id": "new", "type": "stage", "name": "New lead", "next": "ask"},
                   {"id": "ask", "type": "next-best-action", "placement": "lead-nurture", "next": "await"},
                   {"id": "await", "type": "wait-for-event", "eventType": "retailcx.sales.lead.converted.v1",
                    "timeout": "P30D", "onEvent": "done", "onTimeout": "done"},
                   {"id": "done", "type": "end"}]}""".formatted(lead));
        String eventId = UUID.randomUUID().toString();
        String created = """
                {"goldenLeadId": "%s", "sourceLeadId": "L-1", "source": "Web Form", "productInterest": "mortgage",
                 "createdDate": "2026-11-30"}""".formatted(lead);
        publish(Topics.SALES_LEAD, eventId, EventCatalog.SALES_LEAD_CREATED.type(), lead, created);
        publish(Topics.SALES_LEAD, eventId, EventCatalog.SALES_LEAD_CREATED.type(), lead, created);
        publish(Topics.SALES_LEAD, UUID.randomUUID().toString(), EventCatalog.SALES_LEAD_CONVERTED.type(), lead, """
                {"goldenLeadId": "%s", "opportunityId": "OPP-1", "customerId": "CUST-9", "source": "Web Form"}"""
                .formatted(lead));
        Awaitility.await().atMost(WAIT).until(() -> "ENDED".equals(journeys(lead).getString("[0].status")));
        JsonPath j = journeys(lead);
        assertEquals(1, j.getList("$").size(), "a redelivered event starts nothing twice");
        assertEquals(List.of("NEXT_BEST_ACTION"), j.getList("[0].actions.type"));
        assertEquals("lead-nurture", j.getString("[0].actions[0].content"));
    }

    @Test
    void aTimerFiresTheWaitAndAStalledInstanceIsAbandonedThenRecovers() {
        String prefix = "t" + suffix();
        String customer = "CUST-" + suffix();
        knownCustomer(customer, "{\"customerId\": \"" + customer + "\", \"timeZone\": \"Asia/Tokyo\"}");
        createAndPublish("timers-" + prefix, """
                {"entry": {"eventType": "%1$s.start"},
                 "start": "pause",
                 "nodes": [
                   {"id": "pause", "type": "wait", "duration": "PT1S", "next": "docs"},
                   {"id": "docs", "type": "stage", "name": "Documents", "expectedTime": "PT2S", "next": "remind"},
                   {"id": "remind", "type": "message", "channel": "push", "template": "upload-documents",
                    "next": "await-docs"},
                   {"id": "await-docs", "type": "wait-for-event", "eventType": "%1$s.uploaded", "timeout": "P7D",
                    "onEvent": "review", "onTimeout": "done"},
                   {"id": "review", "type": "stage", "name": "Review", "next": "done"},
                   {"id": "done", "type": "end"}]}""".formatted(prefix));
        ingest(event("S-" + customer, prefix + ".start", customer, "{}"));

        Awaitility.await().atMost(WAIT)
                .until(() -> "ABANDONED".equals(journeys(customer).getString("[0].status")));
        JsonPath j = journeys(customer);
        assertEquals("await-docs", j.getString("[0].currentNode"), "the timer moved it on to the next wait");
        assertEquals("timer", j.getString("[0].transitions.find { it.fromNode == 'pause' && it.kind == 'MOVED' }"
                + ".detail"));
        assertEquals("docs", j.getString("[0].currentStage"));
        JsonPath abandoned = as("cx-analyst").queryParam("journey", "timers-" + prefix)
                .when().get("/api/v1/journey/abandonments").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("docs"), abandoned.getList("items.stage"));
        assertTrue(abandoned.getString("items[0].reason").contains("Documents"), abandoned.prettify());

        ingest(event("U-" + customer, prefix + ".uploaded", customer, "{}"));
        j = journeys(customer);
        assertEquals("ENDED", j.getString("[0].status"));
        assertTrue(j.getList("[0].transitions.kind").contains("RECOVERED"));
        as("cx-analyst").queryParam("journey", "timers-" + prefix).when().get("/api/v1/journey/abandonments")
                .then().statusCode(200).body("items[0].recoveredAt", org.hamcrest.Matchers.notNullValue());
        List<String> types = KAFKA.awaitRecords(topicPrefix + Topics.JOURNEY_INSTANCE, r -> customer.equals(r.key()),
                4, WAIT).stream().map(r -> KafkaTestClient.header(r, "ce_type")).toList();
        assertEquals(List.of(EventCatalog.JOURNEY_STAGE_ENTERED.type(), EventCatalog.JOURNEY_ABANDONED.type(),
                EventCatalog.JOURNEY_RECOVERED.type(), EventCatalog.JOURNEY_STAGE_ENTERED.type()), types);
    }

    @Test
    void messagesRespectFrequencyCapsQuietHoursAndOptOuts() {
        String prefix = "c" + suffix();
        String capped = "CUST-" + suffix();
        String quiet = "CUST-" + suffix();
        String optedOut = "CUST-" + suffix();
        String channel = "sms-" + prefix;
        as("marketing").contentType("application/json")
                .body("{\"caps\": [{\"maxMessages\": 1, \"window\": \"LOCAL_DAY\"}]}")
                .when().put("/api/v1/journey/channels/" + channel + "/policy").then().statusCode(200);
        as("marketing").contentType("application/json")
                .body("{\"caps\": [{\"maxMessages\": 0, \"window\": \"LOCAL_DAY\"}, {\"window\": \"ROLLING\"}],"
                        + " \"quietHoursStart\": \"22:00\"}")
                .when().put("/api/v1/journey/channels/" + channel + "/policy").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("caps[0].maxMessages", "caps[1].maxMessages",
                        "caps[1].rolling", "quietHoursEnd"));
        as("sales-rep").contentType("application/json").body("{\"caps\": []}")
                .when().put("/api/v1/journey/channels/" + channel + "/policy").then().statusCode(403);

        // quiet hours that hold right now, whatever the time: from an hour ago to an hour ahead (UTC)
        java.time.LocalTime now = java.time.LocalTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        knownCustomer(capped, "{\"customerId\": \"" + capped + "\", \"timeZone\": \"UTC\"}");
        knownCustomer(quiet, "{\"customerId\": \"" + quiet + "\", \"timeZone\": \"UTC\", \"quietHoursStart\": \""
                + now.minusHours(1) + "\", \"quietHoursEnd\": \"" + now.plusHours(1) + "\"}");
        knownCustomer(optedOut, "{\"customerId\": \"" + optedOut + "\", \"timeZone\": \"UTC\","
                + " \"optedOutChannels\": [\"" + channel + "\"]}");
        createAndPublish("caps-" + prefix, """
                {"entry": {"eventType": "%1$s.start"},
                 "start": "first",
                 "nodes": [
                   {"id": "first", "type": "message", "channel": "%2$s", "template": "one", "next": "second"},
                   {"id": "second", "type": "message", "channel": "%2$s", "template": "two", "next": "done"},
                   {"id": "done", "type": "end"}]}""".formatted(prefix, channel));
        ingest(event("S-" + capped, prefix + ".start", capped, "{}"), event("S-" + quiet, prefix + ".start", quiet,
                "{}"), event("S-" + optedOut, prefix + ".start", optedOut, "{}"));

        JsonPath c = journeys(capped);
        assertEquals(List.of("released", "deferred"), c.getList("[0].actions.status"), c.prettify());
        assertTrue(c.getString("[0].actions[1].reason").contains("cap 1 per local_day"), c.prettify());
        assertEquals(OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay()
                .atOffset(ZoneOffset.UTC).toInstant(), OffsetDateTime.parse(c.getString("[0].actions[1].dueAt"))
                .toInstant(), "the next local day");
        JsonPath q = journeys(quiet);
        assertEquals(List.of("deferred", "deferred"), q.getList("[0].actions.status"), q.prettify());
        assertTrue(q.getString("[0].actions[0].reason").contains("quiet hours"), q.prettify());
        JsonPath o = journeys(optedOut);
        assertEquals(List.of("suppressed", "suppressed"), o.getList("[0].actions.status"));
        assertEquals(null, o.getString("[0].actions[0].dueAt"));

        List<ConsumerRecord<String, String>> sent = KAFKA.readFor(topicPrefix + Topics.JOURNEY_ACTION,
                r -> List.of(capped, quiet, optedOut).contains(r.key()), Duration.ofSeconds(5));
        assertEquals(List.of(capped), sent.stream().map(ConsumerRecord::key).toList(),
                "only the message within the rules left");
        assertEquals("one", JsonPath.from(sent.get(0).value()).getString("content"));
    }

    @Test
    void badEventsAreRefusedNamingTheFieldAndNothingRuns() {
        String customer = "CUST-" + suffix();
        as("service").contentType("application/x-ndjson")
                .body((event("B1", "app.login", customer, "{}") + "\n"
                        + event("B2", "App Login", customer, "{}") + "\n"
                        + "{\"eventId\": \"B3\", \"eventType\": \"app.login\", \"customerId\": \"" + customer
                        + "\", \"occurredAt\": \"yesterday\", \"data\": {}}\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/journey/events/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("[1].eventType", "[2].occurredAt"));
        as("marketing").contentType("application/x-ndjson")
                .body((event("B3", "app.login", customer, "{}") + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/journey/events/batch").then().statusCode(403);
        as("cx-analyst").when().get("/api/v1/journey/customers/" + customer + "/journeys")
                .then().statusCode(200).body("$", hasSize(0));
        as("service").contentType("application/json")
                .body("{\"customerId\": \"" + customer + "\", \"timeZone\": \"Mars/Olympus\"}")
                .when().put("/api/v1/journey/customers/" + customer).then().statusCode(200)
                .body("quarantined", equalTo(1));
        as("cx-analyst").queryParam("customerId", customer).when().get("/api/v1/journey/quarantine")
                .then().statusCode(200).body("items[0].rule", equalTo("time-zone-known"))
                .body("items[0].field", equalTo("timeZone")).body("items[0].resolvedAt", nullValue());
    }

    private void publish(String topic, String eventId, String type, String key, String data) {
        KAFKA.send(topicPrefix + topic, key, data, Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_source", "sales-service", "ce_type", type, "ce_time", OffsetDateTime.now().toString(),
                "content-type", "application/json"));
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
