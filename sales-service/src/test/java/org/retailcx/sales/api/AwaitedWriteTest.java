package org.retailcx.sales.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailcx.sales.SalesTestApi.fields;
import static org.retailcx.sales.SalesTestApi.toJson;
import static org.retailcx.sales.SalesTestApi.unique;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.platform.medallion.Promoter;
import org.retailcx.sales.SalesTestApi;
import org.retailcx.testing.RealInfrastructureResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A write without {@code Prefer: respond-async} waits for its promotion: held back for seconds (here another
 * "replica" holds the promotion lock), it still answers 200 once silver and gold have it, not 202 after the first
 * status check. The first check used to cancel the future every later check waited on, so under load awaited writes
 * answered 202 after about a second.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class AwaitedWriteTest {

    @Inject
    Pool pool;

    @Inject
    Promoter promoter;

    @Test
    void anAwaitedWriteHeldBackBySecondsAnswers200OncePromoted() throws Exception {
        SqlConnection holder = pool.getConnection().await().atMost(Duration.ofSeconds(30));
        try {
            holder.preparedQuery("select pg_advisory_lock(hashtextextended($1, 0))")
                    .execute(Tuple.of(promoter.lockName())).await().atMost(Duration.ofSeconds(30));
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> holder
                    .preparedQuery("select pg_advisory_unlock(hashtextextended($1, 0))")
                    .execute(Tuple.of(promoter.lockName())).await().atMost(Duration.ofSeconds(30)),
                    CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS));
            String territory = unique("TER-AWAIT");
            long started = System.nanoTime();
            int status = SalesTestApi.putRecord("territories", territory,
                    toJson(fields("territoryId", territory, "name", "Awaited"))).extract().statusCode();
            long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            release.get(30, TimeUnit.SECONDS);
            assertEquals(200, status, "answered after " + tookMillis + " ms");
            assertTrue(tookMillis >= 2_500, "promoted only after the lock was released, yet answered in " + tookMillis
                    + " ms");
        } finally {
            holder.close().await().atMost(Duration.ofSeconds(30));
        }
    }
}
