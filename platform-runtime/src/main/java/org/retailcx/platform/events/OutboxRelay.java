package org.retailcx.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.retailcx.platform.jobs.SingleReplicaJobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes pending outbox rows in write order and marks each one published only after the broker acknowledged
 * it. One replica relays at a time (advisory lock), so per-key order holds across replicas. A row whose send
 * fails stays pending and is retried on the next tick: delivery is at least once, and consumers deduplicate by
 * {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final SingleReplicaJobs jobs;
    private final KafkaPublisher publisher;
    private final int batchSize;
    private final Counter published;
    private final Counter failures;

    public OutboxRelay(SingleReplicaJobs jobs, KafkaPublisher publisher, MeterRegistry registry,
            @ConfigProperty(name = "retailcx.outbox.batch-size") int batchSize) {
        this.jobs = jobs;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.published = registry.counter("retailcx.outbox.published");
        this.failures = registry.counter("retailcx.outbox.publish.failures");
    }

    @Scheduled(every = "${retailcx.outbox.poll-interval}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            relayPending().await().atMost(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
        }
    }

    /** One relay pass; returns how many events were published (0 when another replica holds the relay). */
    public Uni<Integer> relayPending() {
        return jobs.runExclusive("platform.outbox-relay", this::publishBatch).map(n -> n.orElse(0));
    }

    private Uni<Integer> publishBatch(SqlConnection tx) {
        return tx.preparedQuery("""
                select id, topic, record_key, ce_type, ce_source, ce_subject, ce_time, payload::text
                from platform.outbox where published_at is null order by seq limit $1""")
                .execute(Tuple.of(batchSize))
                .emitOn(Infrastructure.getDefaultWorkerPool()) // KafkaProducer.send may block while the broker is away
                .map(rows -> {
                    List<Row> pending = new ArrayList<>();
                    rows.forEach(pending::add);
                    return send(pending);
                })
                .chain(result -> markPublished(tx, result));
    }

    private record SendResult(List<UUID> acked, List<UUID> failed, String error) {
    }

    private SendResult send(List<Row> pending) {
        List<UUID> ids = new ArrayList<>();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        String error = null;
        for (Row row : pending) {
            try {
                acks.add(publisher.send(toRecord(row)));
                ids.add(row.getUUID("id"));
            } catch (RuntimeException e) { // metadata unavailable: stop here so later events don't overtake this one
                error = e.getMessage();
                break;
            }
        }
        List<UUID> acked = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(60, TimeUnit.SECONDS);
                acked.add(ids.get(i));
            } catch (ExecutionException | TimeoutException e) {
                failed.add(ids.get(i));
                error = e.getCause() == null ? e.toString() : e.getCause().getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(ids.get(i));
                error = "interrupted";
            }
        }
        return new SendResult(acked, failed, error);
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
