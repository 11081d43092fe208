package org.retailcx.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.retailcx.platform.jobs.SingleReplicaJobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes pending outbox rows in write order and marks each one published only after the broker acknowledged
 * it. One replica relays at a time (advisory lock), so per-key order holds across replicas. A row whose send
 * fails stays pending and is retried on the next cycle: delivery is at least once, and consumers deduplicate by
 * {@code ce_id}.
 *
 * <p>The relay keeps itself alive. It runs on its own Vert.x periodic timer, whose handler cannot end the timer
 * (Vert.x reports what a handler throws and fires again), rather than on the Quarkus scheduler: that runs every
 * job from one {@code scheduleAtFixedRate} task, and an {@code Error} escaping it (an {@code OutOfMemoryError}
 * while it evaluates triggers) silently cancels all jobs for good. Each cycle is bounded by
 * {@code retailcx.outbox.cycle-timeout}; any failure, {@code Error}s included, ends the cycle and the next tick
 * starts a new one; a cycle whose end was never reported is given up after the timeout. Nothing waits on a
 * blocked thread for acknowledgements: the old relay waited up to 60 s per event in turn while holding the lock,
 * so a producer that never answers held it for hours and every later pass found the lock taken and returned 0,
 * without a log line or a failure count.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String JOB = "platform.outbox-relay";

    /** What the relay last did, for the health check and the metrics. */
    public record Status(Instant lastSuccess, Instant lastFailure, String lastError, int consecutiveFailures) {
    }

    private final SingleReplicaJobs jobs;
    private final KafkaPublisher publisher;
    private final Vertx vertx;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration cycleTimeout;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong cycleStartedAt = new AtomicLong(); // System.nanoTime() of the cycle in flight; 0 = none
    private volatile Status status = new Status(null, null, null, 0);
    private static final Duration FULL_READ = Duration.ofSeconds(5);
    /** See {@link #publishBatch}; 0: read from the start. Passes never overlap (the relay's advisory lock). */
    private volatile long floor;
    private volatile long lastFullRead;
    private long timer = -1;

    public OutboxRelay(SingleReplicaJobs jobs, KafkaPublisher publisher, Vertx vertx, MeterRegistry registry,
            @ConfigProperty(name = "retailcx.outbox.batch-size") int batchSize,
            @ConfigProperty(name = "retailcx.outbox.poll-interval") Duration pollInterval,
            @ConfigProperty(name = "retailcx.outbox.cycle-timeout") Duration cycleTimeout) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.vertx = vertx;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.cycleTimeout = cycleTimeout;
        this.published = registry.counter("retailcx.outbox.published");
        this.failures = registry.counter("retailcx.outbox.publish.failures");
        Gauge.builder("retailcx.outbox.relay.last.success.time", this,
                relay -> relay.status.lastSuccess() == null ? Double.NaN
                        : relay.status.lastSuccess().toEpochMilli() / 1000.0)
                .baseUnit("seconds").description("When a relay cycle last completed (epoch seconds)")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Math.max(1, pollInterval.toMillis()), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    public Status status() {
        return status;
    }

    private void tick() {
        long now = System.nanoTime();
        long started = cycleStartedAt.get();
        if (started != 0) {
            if (now - started < cycleTimeout.plus(pollInterval).toNanos()) {
                return; // the cycle in flight has time left
            }
            LOG.errorf("outbox relay: the cycle started %d s ago never reported its end; starting a new one",
                    Duration.ofNanos(now - started).toSeconds());
        }
        if (!cycleStartedAt.compareAndSet(started, now)) {
            return;
        }
        try {
            relayPending().ifNoItem().after(cycleTimeout).fail()
                    .subscribe().with(n -> {
                        cycleEnded(now, null);
                        if (n >= batchSize) { // a backlog: drain it now rather than one batch per poll interval
                            vertx.runOnContext(v -> tick());
                        }
                    }, failure -> cycleEnded(now, failure));
        } catch (Throwable failure) { // an Error while assembling the cycle: the next tick tries again
            cycleEnded(now, failure);
        }
    }

    private void cycleEnded(long started, Throwable failure) {
        try {
            Status before = status;
            if (failure == null) {
                if (before.consecutiveFailures() > 0) {
                    LOG.infof("outbox relay recovered after %d failed cycle(s)", before.consecutiveFailures());
                }
                status = new Status(Instant.now(), before.lastFailure(), before.lastError(), 0);
            } else {
                failures.increment();
                String error = failure instanceof io.smallrye.mutiny.TimeoutException
                        ? "cycle did not finish within " + cycleTimeout
                        : failure.toString();
                status = new Status(before.lastSuccess(), Instant.now(), error, before.consecutiveFailures() + 1);
                if (failure instanceof Error) {
                    LOG.error("outbox relay cycle failed with an error; the next cycle starts on the next tick",
                            failure);
                } else {
                    LOG.warnf("outbox relay cycle failed (%d in a row), will retry: %s",
                            before.consecutiveFailures() + 1, error);
                }
            }
        } finally {
            cycleStartedAt.compareAndSet(started, 0);
        }
    }

    /** One relay pass; returns how many events were published (0 when another replica holds the relay). */
    public Uni<Integer> relayPending() {
        return jobs.runExclusive(JOB, this::publishBatch).map(pass -> pass.map(p -> {
            floor = p.nextFloor(); // only once the pass committed: rows it marked are published for good
            return p.published();
        }).orElse(0));
    }

    /** A committed relay pass: how many events it published, and the seq the next read may start after. */
    private record Pass(int published, long nextFloor) {
    }

    /**
     * Reads pending rows after {@link #floor}, the last seq this replica published with nothing pending before it:
     * the partial index on pending rows keeps an entry for every row published since the oldest open snapshot, and
     * a read from the start walked them all (167 ms per 2,000-event read during a bulk load). A row committed late
     * with a lower seq than rows already published (its transaction took its seq first) is found by the full read
     * from the start that runs at least every {@link #FULL_READ}, and whenever a read finds less than a batch.
     */
    private Uni<Pass> publishBatch(SqlConnection tx) {
        long now = System.nanoTime();
        boolean full = floor == 0 || now - lastFullRead > FULL_READ.toNanos();
        long after = full ? 0 : floor;
        if (full) {
            lastFullRead = now;
        }
        return tx.preparedQuery("""
                select id, topic, record_key, ce_type, ce_source, ce_subject, ce_time, payload::text, seq
                from platform.outbox where published_at is null and seq > $2 order by seq limit $1""")
                .execute(Tuple.of(batchSize, after))
                .emitOn(Infrastructure.getDefaultWorkerPool()) // KafkaProducer.send may block while the broker is away
                .chain(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    return send(pending).map(result -> new Sent(pending, result));
                })
                .emitOn(Infrastructure.getDefaultWorkerPool()) // off the Kafka I/O thread that completed the acks
                .chain(sent -> {
                    // a short read reached the end: the next one starts from the beginning, for late committers
                    long next = sent.rows().size() < batchSize ? 0 : nextFloor(sent, after);
                    return markPublished(tx, sent.result()).map(n -> new Pass(n, next));
                });
    }

    /** The highest seq below which every row read was acknowledged: the first unacknowledged row's seq − 1. */
    private static long nextFloor(Sent sent, long after) {
        Set<UUID> acked = new HashSet<>(sent.result().acked());
        long floor = after;
        for (Row row : sent.rows()) {
            if (!acked.contains(row.getUUID("id"))) {
                return floor;
            }
            floor = row.getLong("seq");
        }
        return floor;
    }

    private record SendResult(List<UUID> acked, List<UUID> failed, String error) {
    }

    private record Sent(List<Row> rows, SendResult result) {
    }

    /** Sends in order and waits, without blocking a thread, until each send has an outcome. */
    private Uni<SendResult> send(List<Row> pending) {
        List<UUID> ids = new ArrayList<>();
        List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
        String stoppedBy = null;
        for (Row row : pending) {
            try {
                outcomes.add(publisher.send(toRecord(row)).handle((metadata, error) -> error));
                ids.add(row.getUUID("id"));
            } catch (RuntimeException e) { // metadata unavailable: stop here so later events don't overtake this one
                stoppedBy = e.getMessage();
                break;
            }
        }
        String sendError = stoppedBy;
        return Uni.createFrom().completionStage(CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)))
                .map(all -> {
                    List<UUID> acked = new ArrayList<>();
                    List<UUID> failed = new ArrayList<>();
                    String error = sendError;
                    for (int i = 0; i < outcomes.size(); i++) {
                        Throwable failure = outcomes.get(i).join();
                        if (failure == null) {
                            acked.add(ids.get(i));
                        } else {
                            failed.add(ids.get(i));
                            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                            error = cause instanceof TimeoutException
                                    ? "no outcome from the producer within " + publisher.outcomeDeadline()
                                    : cause.toString();
                        }
                    }
                    return new SendResult(acked, failed, error);
                });
    }

    private Uni<Integer> markPublished(SqlConnection tx, SendResult result) {
        published.increment(result.acked().size());
        Uni<?> done = result.acked().isEmpty() ? Uni.createFrom().voidItem()
                : tx.preparedQuery("update platform.outbox set published_at = now() where id = any($1)")
                        .execute(Tuple.of(result.acked().toArray(UUID[]::new)));
        if (result.error() != null) {
            failures.increment();
            LOG.warnf("outbox: %d event(s) published, the rest stay pending: %s", result.acked().size(),
                    result.error());
            done = done.chain(() -> tx.preparedQuery("""
                    update platform.outbox set attempts = attempts + 1, last_error = $2 where id = any($1)""")
                    .execute(Tuple.of(result.failed().toArray(UUID[]::new), result.error())));
        }
        return done.replaceWith(result.acked().size());
    }

    private ProducerRecord<String, byte[]> toRecord(Row row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(publisher.physicalTopic(row.getString("topic")),
                row.getString("record_key"), row.getString("payload").getBytes(StandardCharsets.UTF_8));
        Headers h = record.headers();
        CloudEventHeaders.put(h, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        CloudEventHeaders.put(h, CloudEventHeaders.ID, row.getUUID("id").toString());
        CloudEventHeaders.put(h, CloudEventHeaders.SOURCE, row.getString("ce_source"));
        CloudEventHeaders.put(h, CloudEventHeaders.TYPE, row.getString("ce_type"));
        CloudEventHeaders.put(h, CloudEventHeaders.SUBJECT, row.getString("ce_subject"));
        OffsetDateTime time = row.getOffsetDateTime("ce_time");
        CloudEventHeaders.put(h, CloudEventHeaders.TIME, time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        CloudEventHeaders.put(h, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }
}
