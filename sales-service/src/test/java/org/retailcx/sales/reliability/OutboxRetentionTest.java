package org.retailcx.sales.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.events.OutboxRetention;
import org.retailcx.sales.SalesTestApi;
import org.retailcx.testing.RealInfrastructureResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Published events leave the outbox after the retention (7 days); recent and pending ones stay. */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(RealInfrastructureResource.class)
class OutboxRetentionTest {

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRetention retention;

    @Test
    void eventsPublishedLongerAgoThanTheRetentionAreDeletedAndNoOthers() throws Exception {
        String customers = SalesTestApi.unique("RETAIN") + "-";
        OutboxEvents.appendClosedWon(pool, outbox, customers + "old-", 3);
        OutboxEvents.appendClosedWon(pool, outbox, customers + "recent-", 2);
        long publishedBy = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (OutboxEvents.pending(pool, customers) > 0 && System.nanoTime() < publishedBy) {
            Readiness.sleep(100);
        }
        assertEquals(0, OutboxEvents.pending(pool, customers), "the relay published the events");
        execute("update platform.outbox set published_at = now() - interval '8 days' where record_key like $1",
                customers + "old-%");
        // an event written long ago and published recently (or still pending): only publication starts its clock
        OutboxEvents.appendClosedWon(pool, outbox, customers + "late-", 1);
        execute("update platform.outbox set created_at = now() - interval '30 days' where record_key like $1",
                customers + "late-%");

        long deleted = retention.purge().await().atMost(Duration.ofSeconds(30));

        assertTrue(deleted >= 3, "deleted " + deleted);
        List<String> left = keys(customers);
        assertEquals(List.of(customers + "late-1", customers + "recent-1", customers + "recent-2"), left);
    }

    private void execute(String sql, String parameter) {
        pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(30));
    }

    private List<String> keys(String prefix) {
        return pool.preparedQuery("select record_key from platform.outbox where record_key like $1 order by record_key")
                .execute(Tuple.of(prefix + "%")).await().atMost(Duration.ofSeconds(30)).stream()
                .map((Row row) -> row.getString(0)).toList();
    }
}
