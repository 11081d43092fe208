package org.retailcx.recommendation.pipeline.serving;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.retailcx.platform.medallion.BronzeWriter;
import org.retailcx.platform.medallion.InternalAppend;
import org.retailcx.recommendation.ingest.RecommendationSources;
import org.retailcx.recommendation.ingest.ServedRecommendationRecord;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Bounded write-behind log of served lists. A request enqueues its list and answers at once; a flusher (every
 * {@code retailcx.recommendation.served-log.flush-interval}) appends everything queued in one transaction through the
 * served-recommendations source ({@link InternalAppend}: bronze, batch ledger, {@link ServedSilver}, gold), one batch
 * per caller, so the medallion stays the one mechanism. When the queue holds {@code capacity} records a request
 * writes its list synchronously (back-pressure: nothing is dropped). Flushes run one after another; {@link #flush()}
 * completes once everything queued before it is committed, which feedback ingestion and the served history wait for
 * ({@code ServedLogFlushFilter}); shutdown flushes. A flush that fails puts its lists back in the queue.
 * {@code flush-interval=0} turns write-behind off (every list written in the serving call).
 */
@ApplicationScoped
public class ServedLog {

    private static final Logger LOG = Logger.getLogger(ServedLog.class);

    private record Pending(BronzeWriter.Caller caller, List<ServedRecommendationRecord> records) {
    }

    private final Pool pool;
    private final InternalAppend append;
    private final Vertx vertx;
    private final Duration interval;
    private final int capacity;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private long timer = -1;

    public ServedLog(Pool pool, InternalAppend append, Vertx vertx,
            @ConfigProperty(name = "retailcx.recommendation.served-log.flush-interval", defaultValue = "20ms")
            Duration interval,
            @ConfigProperty(name = "retailcx.recommendation.served-log.capacity", defaultValue = "20000")
            int capacity) {
        this.pool = pool;
        this.append = append;
        this.vertx = vertx;
        this.interval = interval;
        this.capacity = capacity;
    }

    void start(@Observes StartupEvent event) {
        if (!interval.isZero()) {
            timer = vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> {
                if (queued.get() > 0) {
                    flush();
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        try {
            flush().await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            LOG.errorf(e, "served log: %d served records not written at shutdown", queued.get());
        }
    }

    /** Logs a served list: queued when write-behind is on and there is room, otherwise written now. */
    public Uni<Void> log(BronzeWriter.Caller caller, List<ServedRecommendationRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (!interval.isZero() && queued.addAndGet(records.size()) <= capacity) {
            queue.add(new Pending(caller, records));
            return Uni.createFrom().voidItem();
        }
        if (!interval.isZero()) {
            queued.addAndGet(-records.size());
        }
        return pool.withTransaction(tx -> append.append(tx, RecommendationSources.SERVED, caller, records))
                .replaceWithVoid();
    }

    /** Records waiting to be written. */
    public int queued() {
        return queued.get();
    }

    /** Completes when every list queued before this call is committed (or fails with the flush's failure). */
    public Uni<Void> flush() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = tail.handle((v, e) -> null).thenCompose(v -> drain().subscribeAsCompletionStage());
            tail = next;
        }
        return Uni.createFrom().completionStage(next);
    }

    private Uni<Void> drain() {
        List<Pending> taken = new ArrayList<>();
        for (Pending p; (p = queue.poll()) != null;) {
            taken.add(p);
        }
        if (taken.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<BronzeWriter.Caller, List<ServedRecommendationRecord>> byCaller = new LinkedHashMap<>();
        int count = 0;
        for (Pending p : taken) {
            byCaller.computeIfAbsent(p.caller(), c -> new ArrayList<>()).addAll(p.records());
            count += p.records().size();
        }
        int records = count;
        return pool.withTransaction(tx -> appendAll(tx, byCaller))
                .invoke(() -> queued.addAndGet(-records))
                .onFailure().invoke(e -> {
                    LOG.errorf(e, "served log: flushing %d served records failed; they stay queued", records);
                    taken.forEach(queue::add);
                });
    }

    private Uni<Void> appendAll(SqlConnection tx, Map<BronzeWriter.Caller, List<ServedRecommendationRecord>> byCaller) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var entry : byCaller.entrySet()) {
            chain = chain.chain(() -> append.append(tx, RecommendationSources.SERVED, entry.getKey(), entry.getValue())
                    .replaceWithVoid());
        }
        return chain;
    }
}
