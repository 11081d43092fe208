package org.retailcx.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
        return jobs.runExclusive(JOB, this::publishBatch).map(n -> n.orElse(0));
    }

    private Uni<Integer> publishBatch(SqlConnection tx) {
        return tx.preparedQuery("""
                select id, topic, record_key, ce_type, ce_source, ce_subject, ce_time, payload::text
                from platform.outbox where published_at is null order by seq limit $1""")
                .execute(Tuple.of(batchSize))
                .emitOn(Infrastructure.getDefaultWorkerPool()) // KafkaProducer.send may block while the broker is away
                .chain(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    return send(pending);
                })
                .emitOn(Infrastructure.getDefaultWorkerPool()) // off the Kafka I/O thread that completed the acks
                .chain(result -> markPublished(tx, result));
    }

    private record SendResult(List<UUID> acked, List<UUID> failed, String error) {
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
