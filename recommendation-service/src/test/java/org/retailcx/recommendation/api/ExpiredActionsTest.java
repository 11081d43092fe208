package org.retailcx.recommendation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailcx.recommendation.api.EventFields.field;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.recommendation.pipeline.action.ExpiredActions;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The expiry sweep on the real database and broker, with its clock set two days ahead: an issued action left
 * unaccepted is announced expired once, an accepted one never; a second sweep announces nothing again.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ExpiredActionsTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    @Inject
    ExpiredActions expiry;

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    private String issue(String customer, String channel) {
        return given().header("Authorization", TestTokens.bearer("service")).queryParam("channel", channel)
                .when().post("/api/v1/recommendation/customers/" + customer + "/next-best-actions")
                .then().statusCode(200).body("issued", hasSize(1)).extract().path("issued[0].issueId");
    }

    @Test
    void anUnacceptedActionIsAnnouncedExpiredOnceAndAnAcceptedOneNever() throws Exception {
        String run = "E" + UUID.randomUUID().toString().substring(0, 8);
        String channel = "sms-" + run;
        given().header("Authorization", TestTokens.bearer("marketing")).contentType("application/json")
                .body(NextBestActionApiTest.action(null, "Lifecycle Event", 3, channel, 1, "null", "null")
                        .replace("\"validDays\":7", "\"validDays\":1"))
                .when().put("/api/v1/recommendation/next-best-actions/catalogue/" + run + "-remind").then().statusCode(200);
        String ignored = issue(run + "-A", channel);
        String accepted = issue(run + "-B", channel);
        given().header("Authorization", TestTokens.bearer("service"))
                .when().post("/api/v1/recommendation/next-best-actions/" + accepted + "/accept").then().statusCode(200);

        // not yet expired now
        expiry.sweep(OffsetDateTime.now(ZoneOffset.UTC)).await().atMost(Duration.ofSeconds(30));
        String topic = topicPrefix + EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_EXPIRED.topic();
        assertEquals(0, KAFKA.readFor(topic, r -> field(r, "actionId").equals(run + "-remind"), Duration.ofSeconds(3))
                .stream().filter(r -> EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_EXPIRED.type()
                        .equals(KafkaTestClient.header(r, "ce_type"))).count());

        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2);
        Optional<Long> swept = expiry.sweep(later).await().atMost(Duration.ofSeconds(30));
        assertTrue(swept.orElseThrow() >= 1, "at least this run's unaccepted action: " + swept);
        assertEquals(Optional.of(0L), expiry.sweep(later).await().atMost(Duration.ofSeconds(30)), "each action once");

        List<ConsumerRecord<String, String>> expired = KAFKA.awaitRecords(topic,
                r -> EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_EXPIRED.type().equals(KafkaTestClient.header(r, "ce_type"))
                        && field(r, "actionId").equals(run + "-remind"), 1, Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> all = KAFKA.readFor(topic,
                r -> EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_EXPIRED.type().equals(KafkaTestClient.header(r, "ce_type"))
                        && field(r, "actionId").equals(run + "-remind"), Duration.ofSeconds(3));
        assertEquals(1, all.size(), all::toString);
        assertEquals(ignored, field(expired.get(0), "issueId"));
        assertEquals(run + "-A", expired.get(0).key());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.RECOMMENDATION_NEXT_BEST_ACTION_EXPIRED,
                EventJson.mapper().readTree(expired.get(0).value())));
        // the metrics count it as expired unaccepted once the expiry has passed; the accepted one as accepted
        given().header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/recommendation/metrics/next-best-actions").then().statusCode(200)
                .body("find { it.actionId == '" + run + "-remind' }.issued", org.hamcrest.Matchers.equalTo(2))
                .body("find { it.actionId == '" + run + "-remind' }.accepted", org.hamcrest.Matchers.equalTo(1));
    }
}
