package org.retailcx.personalization.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/**
 * The SRM detected event on the real broker: raised by the promotion whose data first show a mismatch, not again
 * while it stays mismatched, and again after the data recovered and then mismatched anew.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ExperimentSrmEventTest {

    private static final String API = "/api/v1/personalization";
    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    /** Customers {@code from}..{@code from+n-1} exposed to the variant. */
    private static List<String> lines(String id, String variant, int from, int n) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            lines.add("""
                    {"experimentId":"%s","customerId":"ACC-%07d","variantId":"%s",\
                    "assignmentDate":"2026-11-20T09:00:00Z","exposureCount":1,"conversionFlag":%s}"""
                    .formatted(id, i, variant, i % 10 == 0));
        }
        return lines;
    }

    private static void post(List<String> lines) {
        given().header("Authorization", TestTokens.bearer("service")).contentType("application/x-ndjson")
                .body((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/exposures/batch").then().statusCode(200);
    }

    /** One batch of customers exposed to the variant. */
    private static void exposed(String id, String variant, int from, int n) {
        post(lines(id, variant, from, n));
    }

    private static boolean storedMismatch(String id) {
        return given().header("Authorization", TestTokens.bearer("data-scientist")).when()
                .get(API + "/experiments/" + id + "/results/stored").then().statusCode(200).extract().jsonPath()
                .getBoolean("results[0].sampleRatioMismatch");
    }

    private List<ConsumerRecord<String, String>> events(String id, Duration wait) {
        return KAFKA.readFor(topicPrefix + Topics.PERSONALIZATION_EXPERIMENT, r -> id.equals(r.key())
                && EventCatalog.PERSONALIZATION_EXPERIMENT_SRM_DETECTED.type()
                        .equals(KafkaTestClient.header(r, "ce_type")), wait);
    }

    @Test
    void raisedOncePerOnsetAndAgainAfterARecovery() throws Exception {
        String id = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", TestTokens.bearer("marketing")).contentType("application/json").body("""
                {"experimentId":"%s","name":"SRM","status":"running","successMetric":"conversion",
                 "variants":["control","treatment"],"weights":[0.5,0.5]}""".formatted(id))
                .when().put(API + "/experiments/" + id).then().statusCode(200);

        List<String> balanced = new ArrayList<>(lines(id, "control", 1, 500));
        balanced.addAll(lines(id, "treatment", 501, 500));
        post(balanced); // one balanced batch: no event
        assertFalse(storedMismatch(id));
        exposed(id, "control", 1001, 400); // 900 vs 500: onset
        assertTrue(storedMismatch(id));
        var first = KAFKA.awaitRecords(topicPrefix + Topics.PERSONALIZATION_EXPERIMENT, r -> id.equals(r.key())
                && EventCatalog.PERSONALIZATION_EXPERIMENT_SRM_DETECTED.type()
                        .equals(KafkaTestClient.header(r, "ce_type")), 1, Duration.ofSeconds(60));
        var json = EventJson.mapper().readTree(first.get(0).value());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.PERSONALIZATION_EXPERIMENT_SRM_DETECTED, json));
        assertEquals(900, json.get("units").get(0).asInt());
        assertEquals(500, json.get("units").get(1).asInt());
        assertTrue(json.get("pValue").asDouble() < 0.001);

        exposed(id, "control", 1401, 50); // still mismatched: no second event
        assertTrue(storedMismatch(id));
        exposed(id, "treatment", 1451, 450); // 950 vs 950: recovered
        assertFalse(storedMismatch(id));
        exposed(id, "treatment", 1901, 400); // 950 vs 1350: a new onset
        assertTrue(storedMismatch(id));

        List<ConsumerRecord<String, String>> all = events(id, Duration.ofSeconds(10));
        assertEquals(2, all.size(), "one event per onset");
        var second = EventJson.mapper().readTree(all.get(1).value());
        assertEquals(950, second.get("units").get(0).asInt());
        assertEquals(1350, second.get("units").get(1).asInt());
    }
}
