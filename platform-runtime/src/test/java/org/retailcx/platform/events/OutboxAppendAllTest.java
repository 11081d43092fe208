package org.retailcx.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventSchemas;
import org.retailcx.testing.RealInfrastructureResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OutboxAppendAllTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ROWS = """
            select 'OPP-' || i as subject, $1::text || i as record_key, jsonb_build_object('opportunityId', 'OPP-' || i,
                'customerId', $1::text || i, 'product', 'loan', 'amount', $2::numeric * i, 'currency', 'EUR',
                'closeDate', date '2026-11-20') as data
            from generate_series(1, 1000) i order by i""";

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Test
    void appendsOneEventPerRowInOneStatementInWriteOrder() {
        String prefix = "BULK-" + UUID.randomUUID() + "-";
        long appended = pool.withTransaction(tx -> outbox.appendAll(tx, EventCatalog.SALES_OPPORTUNITY_CLOSED_WON,
                ROWS, Tuple.of(prefix, 10))).await().atMost(WAIT);
        assertEquals(1000, appended);
        var rows = pool.preparedQuery("""
                select record_key, ce_subject, ce_type, ce_source, topic, payload ->> 'customerId'
                from platform.outbox where record_key like $1 order by seq""")
                .execute(Tuple.of(prefix + "%")).await().atMost(WAIT);
        assertEquals(1000, rows.size());
        var first = rows.iterator().next();
        assertEquals(prefix + "1", first.getString(0));
        assertEquals("OPP-1", first.getString(1));
        assertEquals("retailcx.sales.opportunity.closed-won.v1", first.getString(2));
        assertEquals("platform-runtime-test", first.getString(3));
        assertEquals("retailcx.sales.opportunity", first.getString(4));
        assertEquals(prefix + "1", first.getString(5));
    }

    @Test
    void dataThatBreaksTheContractFailsTheTransactionAndWritesNothing() {
        String prefix = "BAD-" + UUID.randomUUID() + "-";
        // a negative amount breaks the closed-won schema (exclusiveMinimum 0)
        var failure = assertThrows(EventSchemas.InvalidEventException.class,
                () -> pool.withTransaction(tx -> outbox.appendAll(tx, EventCatalog.SALES_OPPORTUNITY_CLOSED_WON,
                        ROWS, Tuple.of(prefix, -1))).await().atMost(WAIT));
        assertTrue(failure.getMessage().contains("amount"), failure.getMessage());
        assertEquals(0L, pool.preparedQuery("select count(*) from platform.outbox where record_key like $1")
                .execute(Tuple.of(prefix + "%")).await().atMost(WAIT).iterator().next().getLong(0));
    }
}
