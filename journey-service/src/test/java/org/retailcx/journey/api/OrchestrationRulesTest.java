package org.retailcx.journey.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retailcx.journey.api.JourneyRuntimeTest.as;
import static org.retailcx.journey.api.JourneyRuntimeTest.createAndPublish;
import static org.retailcx.journey.api.JourneyRuntimeTest.event;
import static org.retailcx.journey.api.JourneyRuntimeTest.ingest;
import static org.retailcx.journey.api.JourneyRuntimeTest.journeys;
import static org.retailcx.journey.api.JourneyRuntimeTest.knownCustomer;
import static org.retailcx.journey.api.JourneyRuntimeTest.onboarding;
import static org.retailcx.journey.api.JourneyRuntimeTest.suffix;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * Orchestration rules on the real database and broker: checked before they count (CEL error position, action form),
 * kept in bronze through the medallion, judged on incoming events in priority order for customers in the rule's
 * journey, the first match firing through the contact rules and the outbox, statistics counted once per event.
 * Rules apply to one journey key each, so other tests' customers never meet them.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OrchestrationRulesTest {

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    static String rule(String journeyType, String condition, String action, int priority, boolean active) {
        return """
                {"journeyType": "%s", "triggerCondition": "%s", "actionToExecute": "%s", "priority": %d,
                 "active": %s}""".formatted(journeyType, condition.replace("\"", "\\\"").replace("\n", "\\n"),
                action, priority, active);
    }

    static JsonPath put(String id, String body, int status) {
        return as("marketing").contentType("application/json").body(body)
                .when().put("/api/v1/journey/rules/" + id).then().statusCode(status).extract().jsonPath();
    }

    static JsonPath stats(String id) {
        return as("cx-analyst").when().get("/api/v1/journey/rules/" + id + "/stats").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aMalformedRuleIsRefusedWithTheErrorPositionAndKeptInBronzeOnly() {
        String id = "bad-" + suffix();
        as("marketing").contentType("application/json")
                .body(rule("onboarding", "event.page ==\n  && true", "call:someone", 1, true))
                .when().put("/api/v1/journey/rules/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("triggerCondition"))
                .body("errors.find { it.field == 'triggerCondition' }.message", containsString("line 2, column 3"))
                .body("errors.find { it.field == 'actionToExecute' }.message",
                        containsString("message:<channel>:<template>"));
        as("marketing").contentType("application/json").body("{\"journeyType\": \"Bad Key\", \"priority\": 1}")
                .when().put("/api/v1/journey/rules/" + id).then().statusCode(400)
                .body("errors.field", hasItem("triggerCondition")).body("errors.field", hasItem("actionToExecute"));
        as("cx-analyst").when().get("/api/v1/journey/rules/" + id).then().statusCode(404);
        as("sales-rep").contentType("application/json").body(rule("x", "true", "next-best-action:home", 1, true))
                .when().put("/api/v1/journey/rules/" + id).then().statusCode(403);
        as("cx-analyst").contentType("application/json").body(rule("x", "true", "next-best-action:home", 1, true))
                .when().put("/api/v1/journey/rules/" + id).then().statusCode(403);

        // the refused submission is in bronze as sent, with who sent it
        as("cx-analyst").when().get("/api/v1/journey/rules/" + id + "/history").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].receivedBy", equalTo("test-user"))
                .body("[0].record.actionToExecute", equalTo("call:someone"));
    }

    @Test
    void rulesFireInPriorityOrderOncePerEventThroughTheContactRulesAndTheOutbox() throws Exception {
        String prefix = "r" + suffix();
        String key = "onboarding-" + prefix;
        String customer = "CUST-" + suffix();
        knownCustomer(customer, "{\"customerId\": \"" + customer + "\", \"timeZone\": \"Europe/Lisbon\"}");
        createAndPublish(key, onboarding(prefix, false, "P2D"));
        ingest(event("S-" + customer, prefix + ".signup", customer, "{\"product\": \"current-account\"}"));

        String offer = prefix + "-loan-offer";
        String nba = prefix + "-loan-nba";
        String broken = prefix + "-broken";
        String elsewhere = prefix + "-elsewhere";
        String loans = "event.type == '" + prefix + ".browse' && event.page == 'loans'";
        assertEquals("test-user", put(offer, rule(key, loans, "message:sms:loan-offer", 10, true), 200)
                .getString("updatedBy"));
        put(nba, rule(key, loans, "next-best-action:loans-banner", 20, true), 200);
        put(broken, rule(key, "event.missing.depth > 1", "message:email:never", 5, true), 200);
        put(elsewhere, rule("another-journey-" + prefix, "true", "message:email:never", 1, true), 200);

        String browse = event("B1-" + customer, prefix + ".browse", customer, "{\"page\": \"loans\"}");
        ingest(browse, event("B2-" + customer, prefix + ".browse", customer, "{\"page\": \"cards\"}"));
        ingest(browse); // the same event again, in a later batch: judged once
        assertStats(offer, 2, 1, 1);
        assertStats(nba, 2, 1, 0);
        assertStats(elsewhere, 0, 0, 0);
        JsonPath b = stats(broken);
        assertEquals(2, b.getInt("evaluated"));
        assertEquals(2, b.getInt("errors"));
        assertEquals(0, b.getInt("matched"));
        assertEquals(1, stats(offer).getInt("released"));

        // a new version moves the next-best-action ahead: it fires now, the message only matches
        put(nba, rule(key, loans, "next-best-action:loans-banner", 1, true), 200);
        as("cx-analyst").when().get("/api/v1/journey/rules/" + nba).then().statusCode(200)
                .body("version", equalTo(2)).body("priority", equalTo(1)).body("updatedBy", equalTo("test-user"));
        ingest(event("B3-" + customer, prefix + ".browse", customer, "{\"page\": \"loans\"}"));
        assertStats(offer, 3, 2, 1);
        assertStats(nba, 3, 2, 1);
        // an inactive rule is not judged
        put(offer, rule(key, loans, "message:sms:loan-offer", 10, false), 200);
        ingest(event("B4-" + customer, prefix + ".browse", customer, "{\"page\": \"loans\"}"));
        assertStats(offer, 3, 2, 1);
        assertStats(nba, 4, 3, 2);

        JsonPath j = journeys(customer);
        List<String> nodes = j.getList("[0].actions.nodeId");
        assertEquals(1, nodes.stream().filter(("rule:" + offer)::equals).count(), j.prettify());
        assertEquals(2, nodes.stream().filter(("rule:" + nba)::equals).count(), j.prettify());

        List<ConsumerRecord<String, String>> actions;
        try (KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure()) {
            actions = kafka.awaitRecords(topicPrefix + Topics.JOURNEY_ACTION, r -> customer.equals(r.key()), 4,
                    JourneyRuntimeTest.WAIT);
        }
        List<String> ids = actions.stream().map(r -> JsonPath.from(r.value()).getString("actionId")).toList();
        assertEquals(1, ids.stream().filter(("rule:" + offer + "/digital/B1-" + customer)::equals).count(), ids.toString());
        for (ConsumerRecord<String, String> r : actions) {
            var type = EventCatalog.byType(KafkaTestClient.header(r, "ce_type")).orElseThrow();
            assertEquals(List.of(), EventSchemas.violations(type, EventJson.mapper().readTree(r.value())));
        }
        JsonPath sms = JsonPath.from(actions.stream().filter(r -> r.value().contains("loan-offer")).findFirst()
                .orElseThrow().value());
        assertEquals("sms", sms.getString("channel"));
        assertEquals(key, sms.getString("journeyKey"));
    }

    private static void assertStats(String id, int evaluated, int matched, int fired) {
        JsonPath s = stats(id);
        assertEquals(List.of(evaluated, matched, fired),
                List.of(s.getInt("evaluated"), s.getInt("matched"), s.getInt("fired")), id + ": " + s.prettify());
    }
}
