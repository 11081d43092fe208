package org.retailcx.platform.medallion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Promotes accepted bronze batches to silver and gold, in arrival order, one replica at a time: each step takes the
 * oldest pending batch and the consecutive batches of the same source after it (up to a record budget), runs the
 * source's data-quality rules and listeners on them and marks them promoted, all in one transaction that holds the
 * promotion lock. Bronze is committed before, so a crash between the steps loses nothing: the batch is still pending
 * and the next step takes it; marking it promoted in the same transaction as its effects means it is never applied
 * twice. A batch a caller waits for is promoted on its own, so its receipt counts its own events.
 * <p>
 * A step that fails is retried with the first batch alone; a batch failing {@code max-attempts} times is marked
 * failed (visible in its receipt and the metrics) so that the batches behind it are not held up.
 */
@ApplicationScoped
public class Promoter {

    private static final Logger LOG = Logger.getLogger(Promoter.class);

    private final Pool pool;
    private final Vertx vertx;
    private final MedallionCatalog catalog;
    private final Quarantine quarantine;
    private final List<BronzeListener> listeners;
    private final MeterRegistry registry;
    private final Duration pollInterval;
    private final Duration stepTimeout;
    private final int groupRecords;
    private final int maxAttempts;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong lastSuccess = new AtomicLong(System.currentTimeMillis());
    private final Map<UUID, CompletableFuture<Void>> waiters = new ConcurrentHashMap<>();
    private volatile boolean isolate;
    private volatile long timer = -1;

    public Promoter(Pool pool, Vertx vertx, MedallionCatalog catalog, Quarantine quarantine,
            Instance<BronzeListener> listeners, MeterRegistry registry,
            @ConfigProperty(name = "retailcx.medallion.poll-interval", defaultValue = "1s") Duration pollInterval,
            @ConfigProperty(name = "retailcx.medallion.step-timeout", defaultValue = "10m") Duration stepTimeout,
            @ConfigProperty(name = "retailcx.medallion.group-records", defaultValue = "50000") int groupRecords,
            @ConfigProperty(name = "retailcx.medallion.max-attempts", defaultValue = "3") int maxAttempts) {
        this.pool = pool;
        this.vertx = vertx;
        this.catalog = catalog;
        this.quarantine = quarantine;
        this.listeners = listeners.stream().sorted(Comparator.comparingInt(BronzeListener::order)).toList();
        this.registry = registry;
        this.pollInterval = pollInterval;
        this.stepTimeout = stepTimeout;
        this.groupRecords = groupRecords;
        this.maxAttempts = maxAttempts;
    }

    void start(@Observes StartupEvent start) {
        if (!catalog.present()) {
            return;
        }
        registry.gauge("retailcx.medallion.last-success.age.seconds", lastSuccess,
                t -> (System.currentTimeMillis() - t.get()) / 1000.0);
        timer = vertx.setPeriodic(pollInterval.toMillis(), id -> kick());
        kick();
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Runs promotion steps now until nothing is pending (or joins the run in progress). */
    public void kick() {
        again.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        again.set(false);
        step().ifNoItem().after(stepTimeout).fail()
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf(failure, "medallion promotion step failed");
                    return false;
                })
                .subscribe().with(more -> {
                    running.set(false);
                    if (more || again.get()) {
                        kick();
                    }
                }, failure -> running.set(false));
    }

    /** Completes when the batch has been promoted or has failed (by this replica or another), or after {@code wait}. */
    public Uni<Void> awaitPromotion(UUID batchId, Duration wait) {
        CompletableFuture<Void> done = waiters.computeIfAbsent(batchId, id -> new CompletableFuture<>());
        kick();
        // A copy per subscription: the 500 ms check cancels what it waits on, and cancelling the shared future itself
        // would end every later wait for this batch at once (awaited writes then answered 202 long before the deadline).
        return Uni.createFrom().completionStage(done::copy)
                .ifNoItem().after(Duration.ofMillis(500)).recoverWithUni(() -> stillPending(batchId)
                        .chain(pending -> pending ? Uni.createFrom().failure(new StillPending())
                                : Uni.createFrom().voidItem()))
                // A failed status check (pool busy under load) is retried like a pending batch: only promotion
                // or the deadline ends the wait; the caller then answers 202 with the receipt.
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofMillis(500))
                .expireIn(wait.toMillis())
                .onFailure().recoverWithNull()
                .eventually(() -> waiters.remove(batchId));
    }

    private static final class StillPending extends RuntimeException {
        StillPending() {
            super(null, null, false, false);
        }
    }

    private Uni<Boolean> stillPending(UUID batchId) {
        return pool.preparedQuery("select status = 'accepted' from platform.ingestion_batches where batch_id = $1")
                .execute(Tuple.of(batchId))
                .map(rows -> rows.size() == 1 && rows.iterator().next().getBoolean(0));
    }

    private record Pending(UUID batchId, String source, int records, boolean awaited) {
    }

    /**
     * Promotes a batch inside the caller's transaction (a consumed event's inbox transaction, a service's own
     * {@link InternalAppend}), so that the caller's effects commit with it: waits for the promotion lock and, if no
     * earlier batch is still pending, promotes it now; otherwise leaves it to the promoter, behind the batches that
     * came first. A batch of an {@link MedallionSource#internal internal} source is promoted now regardless: its
     * writer reads the effects in the same transaction, and no batch of the source is ever left pending (each one is
     * promoted in the transaction that wrote it), so the source's own order holds.
     */
    public Uni<Void> promoteInline(SqlConnection tx, UUID batchId, MedallionSource<?> source, int records) {
        return tx.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(lockName()))
                .chain(() -> source.internal() ? Uni.createFrom().item(false) : tx.preparedQuery("""
                        select exists (select 1 from platform.ingestion_batches e
                                       where e.status = 'accepted' and e.seq < b.seq)
                        from platform.ingestion_batches b where b.batch_id = $1""").execute(Tuple.of(batchId))
                        .map(rows -> rows.iterator().next().getBoolean(0)))
                .chain(behind -> behind ? Uni.createFrom().voidItem()
                        : promote(tx, List.of(new Pending(batchId, source.name(), records, false))));
    }

    /** One promotion step; true when there may be more to do. */
    private Uni<Boolean> step() {
        List<UUID> promoted = new ArrayList<>();
        return pool.withTransaction(tx -> tx
                .preparedQuery("select pg_try_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(lockName()))
                .chain(locked -> !locked.iterator().next().getBoolean(0)
                        ? Uni.createFrom().item(false)
                        : tx.preparedQuery("""
                                select batch_id, source, records, awaited from platform.ingestion_batches
                                where status = 'accepted' order by seq limit 500""")
                                .execute()
                                .chain(rows -> {
                                    List<Pending> group = group(rows);
                                    if (group.isEmpty()) {
                                        return Uni.createFrom().item(false);
                                    }
                                    group.forEach(p -> promoted.add(p.batchId()));
                                    return promote(tx, group).replaceWith(true);
                                })))
                .invoke(more -> {
                    if (!promoted.isEmpty()) {
                        isolate = false;
                        lastSuccess.set(System.currentTimeMillis());
                        promoted.forEach(this::complete);
                    }
                })
                .onFailure().recoverWithUni(failure -> promoted.isEmpty() ? Uni.createFrom().failure(failure)
                        : recordFailure(promoted, failure).replaceWith(true));
    }

    private List<Pending> group(Iterable<Row> rows) {
        List<Pending> group = new ArrayList<>();
        int records = 0;
        for (Row r : rows) {
            Pending p = new Pending(r.getUUID(0), r.getString(1), r.getInteger(2), r.getBoolean(3));
            if (!group.isEmpty() && (isolate || p.awaited() || group.get(0).awaited()
                    || !p.source().equals(group.get(0).source()) || records + p.records() > groupRecords)) {
                break;
            }
            group.add(p);
            records += p.records();
        }
        return group;
    }

    private Uni<Void> promote(SqlConnection tx, List<Pending> group) {
        MedallionSource<?> source = catalog.domain().byName(group.get(0).source()).orElseThrow(
                () -> new IllegalStateException("no source " + group.get(0).source() + " is declared"));
        BronzeBatches batches = new BronzeBatches(group.stream().map(Pending::batchId).toArray(UUID[]::new));
        long started = System.nanoTime();
        return quarantine.check(tx, source, batches)
                .chain(() -> Multi.createFrom().iterable(listeners)
                        .filter(l -> l.source().equals(source.name()))
                        .onItem().transformToUniAndConcatenate(l -> timed(l, tx, batches))
                        .collect().asList())
                .chain(events -> tx.preparedQuery("""
                        update platform.ingestion_batches b set status = 'promoted', promoted_at = now(),
                            promoted_with = $2, events_queued = $3, promotion_millis = $4,
                            quarantined = (select count(distinct q.bronze_id) from silver.data_quality_quarantine q
                                           where q.batch_id = b.batch_id)
                        where batch_id = any($1)""")
                        .execute(Tuple.of(batches.ids(), group.size(), events.stream().mapToInt(Integer::intValue).sum(),
                                (int) ((System.nanoTime() - started) / 1_000_000)))
                        .invoke(() -> registry.counter("retailcx.medallion.records.promoted", "source", source.name())
                                .increment(group.stream().mapToInt(Pending::records).sum()))
                        .replaceWithVoid());
    }

    private Uni<Integer> timed(BronzeListener listener, SqlConnection tx, BronzeBatches batches) {
        Timer.Sample sample = Timer.start(registry);
        return listener.afterBronze(tx, batches).invoke(() -> sample.stop(registry.timer(
                "retailcx.medallion.listener", "source", listener.source(),
                "listener", listener.getClass().getSimpleName().replace("_Subclass", ""))));
    }

    /** After a failed step: try the first batch alone next; a single batch that keeps failing is marked failed. */
    private Uni<Void> recordFailure(List<UUID> group, Throwable failure) {
        if (group.size() > 1) {
            LOG.warnf(failure, "promoting %d batches together failed; promoting them one at a time", group.size());
            isolate = true;
            return Uni.createFrom().voidItem();
        }
        UUID batchId = group.get(0);
        LOG.errorf(failure, "promoting batch %s failed", batchId);
        registry.counter("retailcx.medallion.promotion.failures").increment();
        String error = String.valueOf(failure.getMessage());
        return pool.preparedQuery("""
                update platform.ingestion_batches set attempts = attempts + 1, last_error = $2,
                    status = case when attempts + 1 >= $3 then 'failed' else status end
                where batch_id = $1 returning status""")
                .execute(Tuple.of(batchId, error.length() > 2000 ? error.substring(0, 2000) : error, maxAttempts))
                .invoke(rows -> {
                    if (rows.size() == 1 && "failed".equals(rows.iterator().next().getString(0))) {
                        complete(batchId);
                    }
                })
                .replaceWithVoid();
    }

    private void complete(UUID batchId) {
        CompletableFuture<Void> waiter = waiters.remove(batchId);
        if (waiter != null) {
            waiter.complete(null);
        }
    }

    /** The lock a promotion step holds; a rebuild takes it too, so the two never interleave. */
    public String lockName() {
        return "medallion.promoter:" + catalog.domain().domain();
    }
}
