package org.retailcx.sales.reliability;

import static io.restassured.RestAssured.given;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.platform.events.Outbox;
import org.retailcx.sales.SalesTestApi;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestInfrastructure;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * PostgreSQL or the broker frozen (SIGSTOP: connections stay open, nothing answers, as with a hung host): readiness
 * still answers within a second and says what is DOWN; API calls that need the database get 503 problem+json with
 * Retry-After within seconds instead of hanging; after SIGCONT everything recovers.
 */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(RealInfrastructureResource.class)
class OutageTest {

    private static final String PLANS = "/api/v1/sales/commission-plans?limit=1";

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Test
    void frozenDatabase() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        assumeTrue(infra.infrastructureIsEmbedded(), "needs the embedded PostgreSQL and broker");
        Readiness.awaitReady();
        plans().then().statusCode(200);

        infra.freezePostgres();
        try {
            // Sent at once, before the probes can know: it reaches a connection and waits on a query.
            CompletableFuture<Timed> waiting = CompletableFuture.supplyAsync(OutageTest::timedPlans);

            Readiness.Answer down = Readiness.awaitAnswer(a -> "DOWN".equals(a.statusOf("PostgreSQL")),
                    Duration.ofSeconds(3), "PostgreSQL DOWN");
            assertEquals("DOWN", down.status());
            assertTrue(String.valueOf(down.dataOf("PostgreSQL", "reason")).contains("no answer within"),
                    "reason: " + down.dataOf("PostgreSQL", "reason"));

            Timed waited = waiting.get(10, TimeUnit.SECONDS);
            assertUnavailable(waited.response());
            assertTrue(waited.took().compareTo(Duration.ofSeconds(5)) < 0,
                    "a call waiting on the frozen database was answered after " + waited.took().toMillis() + " ms");

            Timed later = timedPlans();
            assertUnavailable(later.response());
            assertTrue(later.took().compareTo(Duration.ofSeconds(1)) < 0,
                    "a call while the database is DOWN was answered after " + later.took().toMillis() + " ms");
        } finally {
            infra.thawPostgres();
        }

        Readiness.awaitAnswer(a -> "UP".equals(a.status()), Duration.ofSeconds(20), "UP after the database resumed");
        plans().then().statusCode(200);
    }

    @Test
    void frozenBroker() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        assumeTrue(infra.infrastructureIsEmbedded(), "needs the embedded PostgreSQL and broker");
        Readiness.awaitReady();
        plans().then().statusCode(200);
        String customers = SalesTestApi.unique("OUTAGE") + "-";

        infra.freezeKafka();
        try {
            Readiness.Answer down = Readiness.awaitAnswer(a -> "DOWN".equals(a.statusOf("Kafka broker")),
                    Duration.ofSeconds(3), "Kafka broker DOWN");
            assertEquals("DOWN", down.status());
            assertTrue(down.dataOf("Kafka broker", "reason") != null, "DOWN says why");
            // The API does not need the broker: writes go to the outbox, so calls keep working and stay fast.
            Timed call = timedPlans();
            call.response().then().statusCode(200);
            assertTrue(call.took().compareTo(Duration.ofSeconds(1)) < 0, "took " + call.took().toMillis() + " ms");
            OutboxEvents.appendClosedWon(pool, outbox, customers, 5);
            Readiness.awaitAnswer(a -> "DOWN".equals(a.statusOf("Outbox relay")), Duration.ofSeconds(10),
                    "the outbox check DOWN while events wait");
        } finally {
            infra.thawKafka();
        }

        try (KafkaTestClient kafka = KafkaTestClient.forTestInfrastructure()) {
            kafka.awaitRecords(OutboxEvents.opportunityTopic(), r -> r.key().startsWith(customers), 5,
                    Duration.ofSeconds(40));
        }
        Readiness.awaitAnswer(a -> "UP".equals(a.status()), Duration.ofSeconds(20), "UP after the broker resumed");
    }

    private record Timed(Response response, Duration took) {
    }

    private static Response plans() {
        return given().header("Authorization", TestTokens.bearer("admin")).when().get(PLANS);
    }

    private static Timed timedPlans() {
        long t0 = System.nanoTime();
        Response response = plans();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static void assertUnavailable(Response response) {
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("status", equalTo(503))
                .body("type", equalTo("urn:retailcx:problem:dependency-unavailable"))
                .body("detail", containsString("database"));
    }
}
