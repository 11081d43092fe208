package org.retailcx.sales.reliability;

import static io.restassured.RestAssured.given;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.platform.events.Outbox;
import org.retailcx.sales.SalesTestApi;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * The stall of issue 9: an OutOfMemoryError ends the Kafka producer's I/O thread (it catches Exception, not
 * Error). The producer then accepts every send and completes none, and nothing expires them, so the old relay
 * waited 60 s per event holding its lock and every later pass skipped silently. Here the thread is ended with an
 * Error the same way, and the relay must notice, replace the producer and publish, with the outbox check DOWN
 * while the events wait and UP once they are out.
 */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(RealInfrastructureResource.class)
class RelayRecoveryTest {

    private static final String IO_THREAD = "kafka-producer-network-thread | sales-service-publisher";

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Test
    @SuppressWarnings({ "deprecation", "removal" }) // Thread.stop: the one way to throw an Error into another thread
    void aProducerWhoseIoThreadDiedIsReplacedAndTheBacklogIsPublished() throws Exception {
        Readiness.awaitReady();
        String customers = SalesTestApi.unique("RELAY") + "-";
        try (KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure()) {
            OutboxEvents.appendClosedWon(pool, outbox, customers + "before-", 1);
            kafka.awaitRecords(OutboxEvents.opportunityTopic(), r -> r.key().startsWith(customers + "before-"), 1,
                    Duration.ofSeconds(30));
            double replacedBefore = metric("retailcx_kafka_producer_replaced_total");
            // Kill it idle: once the relay marked the event published, the thread has handed over its acknowledgement.
            long idleBy = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (OutboxEvents.pending(pool, customers) > 0 && System.nanoTime() < idleBy) {
                Readiness.sleep(100);
            }
            Readiness.sleep(500);

            Thread io = ioThread();
            io.stop();
            io.join(5_000);
            assertFalse(io.isAlive(), "the producer's I/O thread has died");

            OutboxEvents.appendClosedWon(pool, outbox, customers + "after-", 20);
            Readiness.Answer stalled = Readiness.awaitAnswer(a -> "DOWN".equals(a.statusOf("Outbox relay")),
                    Duration.ofSeconds(20), "the outbox check DOWN");
            assertEquals("DOWN", stalled.status());
            assertTrue(String.valueOf(stalled.dataOf("Outbox relay", "reason")).contains("oldest pending event"),
                    "reason: " + stalled.dataOf("Outbox relay", "reason"));

            kafka.awaitRecords(OutboxEvents.opportunityTopic(), r -> r.key().startsWith(customers + "after-"), 20,
                    Duration.ofSeconds(40));
            Readiness.awaitAnswer(a -> "UP".equals(a.statusOf("Outbox relay")) && "UP".equals(a.status()),
                    Duration.ofSeconds(20), "the outbox check UP again");
            assertEquals(0, OutboxEvents.pending(pool, customers));
            assertTrue(metric("retailcx_kafka_producer_replaced_total") >= replacedBefore + 1,
                    "the dead producer was replaced");
            assertTrue(metric("retailcx_outbox_publish_failures_total") >= 1, "the stalled cycle counted as failed");
            assertTrue(metric("retailcx_outbox_relay_last_success_time_seconds")
                    > System.currentTimeMillis() / 1000.0 - 10, "the relay succeeded in the last seconds");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (metric("retailcx_outbox_pending") != 0 && System.nanoTime() < deadline) {
                Readiness.sleep(100);
            }
            assertEquals(0, metric("retailcx_outbox_pending"), 0.0, "metrics show the backlog gone");
        }
    }

    /**
     * The relay reads pending rows after the last seq it published; an event whose transaction took its seq before
     * 2,500 later events (more than a relay pass) were written and published, and committed only then, still arrives.
     */
    @Test
    void anEventCommittedAfterLaterOnesWerePublishedIsPublishedToo() {
        Readiness.awaitReady();
        String customers = SalesTestApi.unique("LATE") + "-";
        try (KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure()) {
            SqlConnection early = pool.getConnection().await().atMost(Duration.ofSeconds(30));
            try {
                Transaction tx = early.begin().await().atMost(Duration.ofSeconds(30));
                OutboxEvents.appendClosedWon(early, outbox, customers + "early-", 1);
                OutboxEvents.appendClosedWon(pool, outbox, customers + "later-", 2_500);
                kafka.awaitRecords(OutboxEvents.opportunityTopic(), r -> r.key().startsWith(customers + "later-"),
                        2_500, Duration.ofSeconds(60));
                tx.commit().await().atMost(Duration.ofSeconds(30));
            } finally {
                early.close().await().atMost(Duration.ofSeconds(30));
            }
            kafka.awaitRecords(OutboxEvents.opportunityTopic(), r -> r.key().startsWith(customers + "early-"), 1,
                    Duration.ofSeconds(30));
            assertEquals(0, OutboxEvents.pending(pool, customers));
        }
    }

    private static Thread ioThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(IO_THREAD) && t.isAlive())
                .findFirst().orElseThrow(() -> new AssertionError("no thread " + IO_THREAD));
    }

    static double metric(String name) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(body);
        if (!m.find()) {
            throw new AssertionError("no metric " + name);
        }
        return Double.parseDouble(m.group(2));
    }
}
