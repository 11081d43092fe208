package org.retailcx.journey.api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.retailcx.journey.api.JourneyRuntimeTest.as;
import static org.retailcx.journey.api.JourneyRuntimeTest.createAndPublish;
import static org.retailcx.journey.api.JourneyRuntimeTest.ingest;
import static org.retailcx.journey.api.JourneyRuntimeTest.suffix;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.Topics;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Journey metrics per version and multi-touch attribution, checked against numbers worked out by hand. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class JourneyAnalyticsTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();
    private static final double EXACT = 1e-9;

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void metricsReadCompletionTimeToCompleteAndAbandonmentByStagePerVersion() {
        String prefix = "m" + suffix();
        String key = "metrics-" + prefix;
        createAndPublish(key, """
                {"entry": {"eventType": "%1$s.signup"},
                 "admitsUnknownCustomers": true,
                 "start": "welcome",
                 "nodes": [
                   {"id": "welcome", "type": "stage", "name": "Welcome", "expectedTime": "PT2S", "next": "await-login"},
                   {"id": "await-login", "type": "wait-for-event", "eventType": "%1$s.login", "timeout": "P1D",
                    "onEvent": "active", "onTimeout": "done"},
                   {"id": "active", "type": "stage", "name": "Active", "next": "await-more"},
                   {"id": "await-more", "type": "wait-for-event", "eventType": "%1$s.more", "timeout": "P1D",
                    "onEvent": "done", "onTimeout": "done"},
                   {"id": "done", "type": "end"}],
                 "goals": [{"name": "funded", "eventType": "%1$s.funded"}]}""".formatted(prefix));
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0);
        String a = "A-" + prefix;
        String b = "B-" + prefix;
        String c = "C-" + prefix;
        String d = "D-" + prefix;
        // one batch: every step runs in the promotion's transaction, before any timer tick sees the instances
        ingest(at("1", prefix + ".signup", a, t0), at("2", prefix + ".funded", a, t0.plusSeconds(100)),
                at("3", prefix + ".signup", b, t0), at("4", prefix + ".funded", b, t0.plusSeconds(300)),
                at("5", prefix + ".signup", c, t0),
                at("6", prefix + ".signup", d, t0), at("7", prefix + ".login", d, t0.plusSeconds(50)));

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> metrics(key).getInt("[0].abandoned") == 1);
        JsonPath m = metrics(key);
        assertEquals(1, m.getList("$").size());
        assertEquals(4, m.getInt("[0].entered"));
        assertEquals(2, m.getInt("[0].completed"));
        assertEquals(1, m.getInt("[0].active"));
        assertEquals(0.5, m.getDouble("[0].completionRate"), EXACT);
        assertEquals(200.0, m.getDouble("[0].meanSecondsToComplete"), EXACT);
        assertEquals(200.0, m.getDouble("[0].medianSecondsToComplete"), EXACT);
        assertEquals(List.of("active", "welcome"), m.getList("[0].stages.stage"));
        assertEquals(List.of(1, 4), m.getList("[0].stages.entered"));
        assertEquals(List.of(0, 1), m.getList("[0].stages.abandoned"));
        assertEquals(0.25, m.getDouble("[0].stages[1].abandonmentRate"), EXACT);

        as("cx-analyst").queryParam("from", t0.plusMinutes(1).toString()).when()
                .get("/api/v1/journey/definitions/" + key + "/metrics").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasSize(0));
        as("sales-rep").when().get("/api/v1/journey/definitions/" + key + "/metrics").then().statusCode(403);
    }

    @Test
    void uploadedPathsGetEveryModelSideBySideAndNothingIsStored() {
        String body = """
                {"paths": [
                   {"path": "C1 > C2 > C3", "conversions": 1, "conversionValue": 100, "nonConversions": 0},
                   {"path": "C1", "conversions": 0, "nonConversions": 1},
                   {"path": "C2 > C3", "conversions": 0, "nonConversions": 1}]}""";
        JsonPath r = as("data-scientist").contentType("application/json").body(body)
                .when().post("/api/v1/journey/attribution/paths").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("first-touch", "last-touch", "linear", "time-decay", "position-based", "markov-1",
                "markov-2", "markov-3", "shapley"), r.getList("models.model"));
        // the classic three-path example: removal effects 1/2, 1, 1 normalise to 0.2 / 0.4 / 0.4
        assertCredits(r, "markov-1", 0.2, 0.4, 0.4);
        assertEquals(40.0, r.getDouble("models.find { it.model == 'markov-1' }.channels[2].value"), 1e-9);
        // order 3 tells the prefixes apart: every channel of the one converting path is indispensable
        assertCredits(r, "markov-3", 1.0 / 3, 1.0 / 3, 1.0 / 3);
        assertCredits(r, "first-touch", 1, 0, 0);
        assertCredits(r, "last-touch", 0, 0, 1);
        assertCredits(r, "linear", 1.0 / 3, 1.0 / 3, 1.0 / 3);
        assertCredits(r, "position-based", 0.4, 0.2, 0.4);
        assertCredits(r, "shapley", 1.0 / 3, 1.0 / 3, 1.0 / 3);
        assertEquals(2, r.getLong("nonConversions"));

        as("marketing").contentType("application/json")
                .body("{\"paths\": [{\"path\": \"a > b\", \"conversions\": 1}, {\"path\": \"a >  > b\","
                        + " \"conversions\": 1}]}")
                .when().post("/api/v1/journey/attribution/paths").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("paths[1].path"));
        as("marketing").contentType("application/json")
                .body("{\"paths\": [{\"path\": \"a\", \"conversions\": -1}, {\"path\": \"b\","
                        + " \"conversions\": 1, \"nonConversions\": -3}]}")
                .when().post("/api/v1/journey/attribution/paths").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("paths[0].conversions", "paths[1].nonConversions"));
        as("sales-rep").contentType("application/json").body(body)
                .when().post("/api/v1/journey/attribution/paths").then().statusCode(403);
    }

    @Test
    void storedTouchpointsAndAWonDealFromKafkaAreAttributedWithChannelRoi() {
        String p1 = "P1-" + suffix();
        String p2 = "P2-" + suffix();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String channelA = "search-" + suffix();
        String channelB = "email-" + suffix();
        as("service").contentType("application/x-ndjson").body((String.join("\n",
                touch("T1-" + p1, p1, channelA, now.minusDays(10), "5"),
                touch("T2-" + p1, p1, channelB, now.minusDays(2), "1"),
                touch("T3-" + p2, p2, channelA, now.minusDays(3), "3"),
                touch("T4-" + p2, p2, channelA, now.minusDays(1), "-2")) + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/journey/touchpoints/batch").then().statusCode(200).body("quarantined", equalTo(1));
        KAFKA.send(topicPrefix + Topics.SALES_OPPORTUNITY, p1, """
                {"opportunityId": "OPP-%1$s", "customerId": "%1$s", "ownerId": "REP-1", "product": "loan",
                 "amount": 1000, "currency": "EUR", "closeDate": "%2$s"}""".formatted(p1, now.toLocalDate()),
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "sales-service",
                        "ce_type", EventCatalog.SALES_OPPORTUNITY_CLOSED_WON.type(),
                        "ce_time", now.toString(), "content-type", "application/json"));

        // the only touchpoints and won deal of this test class
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> stored(now, channelA) != null);
        JsonPath r = stored(now, channelA);
        assertEquals(1.0, r.getDouble("conversions"), EXACT);
        assertEquals(1000.0, r.getDouble("conversionValue"), EXACT);
        assertEquals(1, r.getLong("nonConversions"));
        assertEquals(1.0, credit(r, "first-touch", channelA, "conversions"), EXACT);
        assertEquals(1.0, credit(r, "last-touch", channelB, "conversions"), EXACT);
        assertEquals(0.5, credit(r, "markov-1", channelA, "conversions"), EXACT);
        assertEquals(0.5, credit(r, "shapley", channelB, "conversions"), EXACT);
        // time decay, half-life 7 days: touches 10 and 2 days before the conversion weigh 2^(-10/7) and 2^(-2/7)
        double older = Math.pow(2, -10 / 7.0);
        double newer = Math.pow(2, -2 / 7.0);
        assertEquals(newer / (older + newer), credit(r, "time-decay", channelB, "conversions"), 1e-3);
        // cost of the period: search 5 + 3 (the -2 touch is quarantined), e-mail 1
        assertEquals(8.0, credit(r, "first-touch", channelA, "cost"), EXACT);
        assertEquals((1000.0 - 8) / 8, credit(r, "first-touch", channelA, "roi"), EXACT);
        assertEquals((500.0 - 1) / 1, credit(r, "linear", channelB, "roi"), EXACT);
        assertNull(r.get("skipped[0]"));
    }

    private JsonPath stored(OffsetDateTime now, String channel) {
        var response = as("marketing").queryParam("from", now.minusDays(30).toString())
                .queryParam("to", now.plusHours(1).toString()).queryParam("halfLifeDays", 7)
                .when().get("/api/v1/journey/attribution").then().extract();
        if (response.statusCode() != 200) {
            return null;
        }
        JsonPath r = response.jsonPath();
        // wait for the won deal: until it arrives this window has non-conversions only
        return r.getDouble("conversions") >= 1 && r.getList("models[0].channels.channel").contains(channel) ? r : null;
    }

    private static double credit(JsonPath r, String model, String channel, String field) {
        return r.getDouble("models.find { it.model == '" + model + "' }.channels.find { it.channel == '" + channel
                + "' }." + field);
    }

    private static void assertCredits(JsonPath r, String model, double c1, double c2, double c3) {
        List<Float> credits = r.getList("models.find { it.model == '" + model + "' }.channels.conversions");
        assertEquals(List.of("C1", "C2", "C3"), r.getList("models.find { it.model == '" + model
                + "' }.channels.channel"));
        assertEquals(c1, credits.get(0), 1e-6, model);
        assertEquals(c2, credits.get(1), 1e-6, model);
        assertEquals(c3, credits.get(2), 1e-6, model);
    }

    private static String at(String id, String type, String customer, OffsetDateTime at) {
        return """
                {"eventId": "%s", "eventType": "%s", "customerId": "%s", "occurredAt": "%s", "data": {}}"""
                .formatted(id + "-" + customer, type, customer, at);
    }

    private static String touch(String id, String customer, String channel, OffsetDateTime at, String cost) {
        return """
                {"touchpointId": "%s", "customerId": "%s", "channel": "%s", "touchedAt": "%s", "cost": %s}"""
                .formatted(id, customer, channel, at, cost);
    }

    private static JsonPath metrics(String key) {
        return as("marketing").when().get("/api/v1/journey/definitions/" + key + "/metrics").then().statusCode(200)
                .extract().jsonPath();
    }
}
