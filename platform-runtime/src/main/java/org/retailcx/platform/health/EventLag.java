package org.retailcx.platform.health;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Measures, every {@code retailcx.outbox.lag-sample-interval}, how far events are behind: the outbox's pending
 * count and the age of its oldest pending event (the relay's lag), and the inbox's consumer lag (records on the
 * consumed partitions past the service's committed offsets). Published as gauges and read by the outbox check.
 */
@ApplicationScoped
public class EventLag {

    private static final Logger LOG = Logger.getLogger(EventLag.class);

    /** One measurement of the outbox; {@code error} is set (and the numbers are stale) when it could not be read. */
    public record OutboxSample(Instant measuredAt, long pending, Duration oldestPendingAge, String error) {
    }

    private final Pool pool;
    private final Vertx vertx;
    private final Duration interval;
    private final Duration timeout;
    private final Duration stallAlert;
    private final String consumerGroup;
    private final Admin admin;
    private final AtomicBoolean outboxInFlight = new AtomicBoolean();
    private final AtomicBoolean inboxInFlight = new AtomicBoolean();
    private volatile OutboxSample outbox;
    private volatile long inboxLag = -1;
    private volatile boolean stalled;
    private long timer = -1;

    public EventLag(Pool pool, Vertx vertx, MeterRegistry registry,
            @ConfigProperty(name = "retailcx.outbox.lag-sample-interval") Duration interval,
            @ConfigProperty(name = "retailcx.outbox.stall-alert") Duration stallAlert,
            @ConfigProperty(name = "retailcx.health.timeout") Duration probeTimeout,
            @ConfigProperty(name = "retailcx.inbox.consumer-group") String consumerGroup,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.pool = pool;
        this.vertx = vertx;
        this.interval = interval;
        this.stallAlert = stallAlert;
        this.consumerGroup = consumerGroup;
        // A count over a large backlog may take longer than a probe; it must still finish within one interval.
        this.timeout = interval.compareTo(probeTimeout) > 0 ? interval : probeTimeout;
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().retainAll(AdminClientConfig.configNames());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "retailcx-inbox-lag");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(config);
        Gauge.builder("retailcx.outbox.pending", this, lag -> lag.outbox == null ? Double.NaN : lag.outbox.pending())
                .description("Outbox events not yet acknowledged by the broker").register(registry);
        Gauge.builder("retailcx.outbox.oldest.pending.age", this,
                lag -> lag.outbox == null ? Double.NaN : lag.outbox.oldestPendingAge().toMillis() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest pending outbox event (0 when none is pending)")
                .register(registry);
        Gauge.builder("retailcx.inbox.lag", this, lag -> lag.inboxLag < 0 ? Double.NaN : lag.inboxLag)
                .description("Records on the consumed partitions past the service's committed offsets")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        sample();
        timer = vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> sample());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
        admin.close(Duration.ofSeconds(1));
    }

    /** The latest outbox measurement, or null before the first one. */
    public OutboxSample outbox() {
        return outbox;
    }

    /** Consumer lag in records, or -1 when not measured (no consumer group, or the broker did not answer). */
    public long inboxLag() {
        return inboxLag;
    }

    public Duration stallAlert() {
        return stallAlert;
    }

    private void sample() {
        sampleOutbox();
        sampleInbox();
    }

    private void sampleOutbox() {
        if (!outboxInFlight.compareAndSet(false, true)) {
            return; // the previous query has not answered: the sample grows stale, which the check reports
        }
        try {
            // both from the partial index of pending rows: min(created_at) over the pending rows scanned the whole
            // table, published rows included (337 ms at 750,000 rows). The lowest pending seq is the oldest pending
            // row, to within one transaction's length (created_at is its start)
            pool.query("""
                    select count(*), coalesce(extract(epoch from now() - (select created_at from platform.outbox
                        where published_at is null order by seq limit 1)), 0)::float8
                    from platform.outbox where published_at is null""")
                    .execute()
                    .ifNoItem().after(timeout).fail()
                    .subscribe().with(rows -> {
                        var row = rows.iterator().next();
                        recordOutbox(new OutboxSample(Instant.now(), row.getLong(0),
                                Duration.ofMillis(Math.round(row.getDouble(1) * 1000)), null));
                    }, failure -> {
                        OutboxSample last = outbox;
                        outbox = new OutboxSample(last == null ? null : last.measuredAt(),
                                last == null ? 0 : last.pending(),
                                last == null ? Duration.ZERO : last.oldestPendingAge(), failure.toString());
                        outboxInFlight.set(false);
                    });
        } catch (RuntimeException e) {
            outboxInFlight.set(false);
            throw e;
        }
    }

    private void recordOutbox(OutboxSample sample) {
        outbox = sample;
        outboxInFlight.set(false);
        boolean nowStalled = sample.oldestPendingAge().compareTo(stallAlert) > 0;
        if (nowStalled && !stalled) {
            LOG.warnf("outbox stalled: the oldest of %d pending event(s) is %d s old (alert at %s)", sample.pending(),
                    sample.oldestPendingAge().toSeconds(), stallAlert);
        } else if (!nowStalled && stalled) {
            LOG.infof("outbox caught up: %d pending, oldest %d s", sample.pending(),
                    sample.oldestPendingAge().toSeconds());
        }
        stalled = nowStalled;
    }

    private void sampleInbox() {
        if (!inboxInFlight.compareAndSet(false, true)) {
            return;
        }
        admin.listConsumerGroupOffsets(consumerGroup, new ListConsumerGroupOffsetsOptions().timeoutMs(
                (int) timeout.toMillis()))
                .partitionsToOffsetAndMetadata()
                .thenApply(committed -> {
                    Map<TopicPartition, OffsetAndMetadata> known = committed.entrySet().stream()
                            .filter(e -> e.getValue() != null)
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                    return known;
                })
                .whenComplete((committed, failure) -> {
                    if (failure != null || committed.isEmpty()) {
                        inboxLag = -1; // the broker did not answer, or this service consumes nothing
                        inboxInFlight.set(false);
                        return;
                    }
                    Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                    admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs((int) timeout.toMillis())).all()
                            .whenComplete((ends, endsFailure) -> {
                                inboxLag = endsFailure != null ? -1 : committed.entrySet().stream()
                                        .mapToLong(e -> Math.max(0,
                                                ends.get(e.getKey()).offset() - e.getValue().offset()))
                                        .sum();
                                inboxInFlight.set(false);
                            });
                });
    }
}
