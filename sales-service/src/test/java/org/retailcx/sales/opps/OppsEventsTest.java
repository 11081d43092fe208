package org.retailcx.sales.opps;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retailcx.sales.SalesTestApi.rows;
import static org.retailcx.sales.SalesTestApi.unique;
import static org.retailcx.sales.opps.OppsTestData.batch;
import static org.retailcx.sales.opps.OppsTestData.opportunity;
import static org.retailcx.sales.opps.OppsTestData.put;
import static org.retailcx.sales.opps.OppsTestData.repIn;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

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

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OppsEventsTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    @Inject
    Pool pool;

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void createdStageChangedWonAndLostReachTheBrokerOnceEach() throws Exception {
        String rep = unique("REP");
        repIn(rep, unique("TER"), "Team E");
        String won = unique("OPP");
        put("opportunities", won, opportunity(won, "ACC-E1", rep, "Prospecting", 900)
                .with("updatedAt", "2026-11-01T10:00:00Z")).body("eventsQueued", equalTo(1));
        put("opportunities", won, opportunity(won, "ACC-E1", rep, "Proposal", 900)
                .with("updatedAt", "2026-11-02T10:00:00Z")).body("eventsQueued", equalTo(1));
        put("opportunities", won, opportunity(won, "ACC-E1", rep, "Closed Won", 900)
                .with("updatedAt", "2026-11-03T10:00:00Z")).body("eventsQueued", equalTo(3)); // + commission.calculated
        put("opportunities", won, opportunity(won, "ACC-E1", rep, "Closed Won", 900)
                .with("updatedAt", "2026-11-03T10:00:00Z")).body("eventsQueued", equalTo(0));
        String lost = unique("OPP");
        batch("opportunities", opportunity(lost, "ACC-E2", rep, "Qualification", 300)
                .with("updatedAt", "2026-11-01T10:00:00Z"),
                opportunity(lost, "ACC-E2", rep, "Closed Lost", 300).with("lossReason", "Price")
                        .with("updatedAt", "2026-11-04T10:00:00Z")).body("eventsQueued", equalTo(3));

        List<ConsumerRecord<String, String>> wonEvents = events(won, 4);
        assertEquals(List.of("created", "stage-changed", "stage-changed", "closed-won"), kinds(wonEvents),
                "per-key order holds");
        wonEvents.forEach(e -> assertEquals("ACC-E1", e.key()));
        JsonNode created = data(wonEvents.get(0));
        assertEquals("Prospecting", created.get("stage").asText());
        assertEquals("2026-11-01", created.get("createdDate").asText());
        JsonNode toWon = data(wonEvents.get(2));
        assertEquals("Proposal", toWon.get("fromStage").asText());
        assertEquals("Closed Won", toWon.get("toStage").asText());
        JsonNode win = data(wonEvents.get(3));
        assertEquals("loan", win.get("product").asText());
        assertEquals("2026-11-03", win.get("closeDate").asText());
        assertEquals(0, win.get("amount").decimalValue().compareTo(new java.math.BigDecimal("900")));

        List<ConsumerRecord<String, String>> lostEvents = events(lost, 3);
        assertEquals(List.of("created", "stage-changed", "closed-lost"), kinds(lostEvents));
        JsonNode closedLost = data(lostEvents.get(2));
        assertEquals("Price", closedLost.get("reason").asText());
        assertEquals("2026-11-04", closedLost.get("closeDate").asText());
        assertEquals("ACC-E2", lostEvents.get(2).key());

        assertEquals(4, outboxCount(won), "a re-sent identical version queues nothing");
        assertEquals(3, outboxCount(lost));
    }

    @Test
    void aLateOlderVersionAndAQuarantinedVersionAnnounceNothing() {
        String rep = unique("REP");
        repIn(rep, unique("TER"), "Team E");
        String id = unique("OPP");
        put("opportunities", id, opportunity(id, "ACC-E3", rep, "Proposal", 100)
                .with("updatedAt", "2026-11-05T10:00:00Z")).body("eventsQueued", equalTo(1));
        put("opportunities", id, opportunity(id, "ACC-E3", rep, "Prospecting", 100)
                .with("updatedAt", "2026-11-01T10:00:00Z")).body("eventsQueued", equalTo(0));
        put("opportunities", id, opportunity(id, "ACC-E3", rep, "Closed Won", -1)
                .with("updatedAt", "2026-11-06T10:00:00Z")).body("eventsQueued", equalTo(0));
        events(id, 1);
        assertEquals(1, outboxCount(id));
    }

    private List<ConsumerRecord<String, String>> events(String opportunityId, int count) {
        List<ConsumerRecord<String, String>> events = KAFKA.awaitRecords(topicPrefix + Topics.SALES_OPPORTUNITY,
                r -> opportunityId.equals(KafkaTestClient.header(r, "ce_subject")), count, Duration.ofSeconds(60));
        for (ConsumerRecord<String, String> e : events) {
            var type = EventCatalog.byType(KafkaTestClient.header(e, "ce_type")).orElseThrow();
            assertEquals(List.of(), EventSchemas.violations(type, data(e)));
        }
        return events;
    }

    private static List<String> kinds(List<ConsumerRecord<String, String>> events) {
        return events.stream().map(e -> KafkaTestClient.header(e, "ce_type")
                .replace("retailcx.sales.opportunity.", "").replace(".v1", "")).toList();
    }

    private static JsonNode data(ConsumerRecord<String, String> event) {
        try {
            return EventJson.mapper().readTree(event.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long outboxCount(String opportunityId) {
        return rows(pool, "select count(*) from platform.outbox where ce_subject = $1 and topic = '"
                + Topics.SALES_OPPORTUNITY + "'", opportunityId).get(0).getLong(0);
    }
}
