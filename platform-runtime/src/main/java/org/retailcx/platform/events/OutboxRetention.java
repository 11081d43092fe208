package org.retailcx.platform.events;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes outbox rows the broker acknowledged longer than {@code retailcx.outbox.retention} ago. Without it the outbox
 * kept every event ever published (750,000 rows after one bench load), and everything that reads it grew with it.
 * Pending rows are never deleted, whatever their age. Deletes go in chunks so no statement holds many row locks or
 * runs long; any replica may run it (deleting a published row twice is harmless).
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    private static final int CHUNK = 10_000;

    private final Pool pool;
    private final Vertx vertx;
    private final Duration retention;
    private final Duration interval;
    private final Counter purged;
    private long timer = -1;

    public OutboxRetention(Pool pool, Vertx vertx, MeterRegistry registry,
            @ConfigProperty(name = "retailcx.outbox.retention") Duration retention,
            @ConfigProperty(name = "retailcx.outbox.retention-check-interval") Duration interval) {
        this.pool = pool;
        this.vertx = vertx;
        this.retention = retention;
        this.interval = interval;
        this.purged = registry.counter("retailcx.outbox.purged");
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> purge().subscribe().with(
                n -> {
                    if (n > 0) {
                        LOG.infof("outbox retention: deleted %d event(s) published more than %s ago", n, retention);
                    }
                }, failure -> LOG.warnf("outbox retention pass failed, will retry: %s", failure)));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** One pass: deletes, chunk by chunk, every row published before now − retention; returns how many. */
    public Uni<Long> purge() {
        return deleteChunk(0);
    }

    private Uni<Long> deleteChunk(long sofar) {
        return pool.preparedQuery("""
                delete from platform.outbox where seq in (
                    select seq from platform.outbox
                    where published_at is not null and published_at < now() - make_interval(secs => $1)
                    order by seq limit $2)""")
                .execute(Tuple.of((double) retention.toMillis() / 1000.0, CHUNK))
                .chain(rows -> {
                    purged.increment(rows.rowCount());
                    long total = sofar + rows.rowCount();
                    return rows.rowCount() < CHUNK ? Uni.createFrom().item(total) : deleteChunk(total);
                });
    }
}
