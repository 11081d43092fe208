package org.retailcx.sales.reliability;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.retailcx.platform.events.Outbox;
import org.retailcx.schema.EventCatalog;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Won-deal events written to the outbox as sales-service writes them, keyed by a per-test customer prefix. */
final class OutboxEvents {

    private OutboxEvents() {
    }

    static void appendClosedWon(Pool pool, Outbox outbox, String customerPrefix, int count) {
        pool.withTransaction(tx -> append(tx, outbox, customerPrefix, count)).await().atMost(Duration.ofSeconds(30));
    }

    /** In the caller's open transaction, which commits them. */
    static void appendClosedWon(SqlConnection tx, Outbox outbox, String customerPrefix, int count) {
        append(tx, outbox, customerPrefix, count).await().atMost(Duration.ofSeconds(30));
    }

    private static io.smallrye.mutiny.Uni<Long> append(SqlConnection tx, Outbox outbox, String customerPrefix,
            int count) {
        return outbox.appendAll(tx, EventCatalog.SALES_OPPORTUNITY_CLOSED_WON, """
                select 'OPP-' || $1::text || i as subject, $1::text || i as record_key,
                    jsonb_build_object('opportunityId', 'OPP-' || $1::text || i, 'customerId', $1::text || i,
                        'product', 'loan', 'amount', 1000 + i, 'currency', 'EUR', 'closeDate', date '2026-11-20') as data
                from generate_series(1, $2::int) i order by i""", Tuple.of(customerPrefix, count));
    }

    static long pending(Pool pool, String customerPrefix) {
        return pool.preparedQuery("select count(*) from platform.outbox where published_at is null and record_key like $1")
                .execute(Tuple.of(customerPrefix + "%")).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
    }

    static String opportunityTopic() {
        return ConfigProvider.getConfig().getOptionalValue("retailcx.kafka.topic-prefix", String.class).orElse("")
                + EventCatalog.SALES_OPPORTUNITY_CLOSED_WON.topic();
    }
}
