package org.retailcx.platform.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;

/**
 * The one Kafka producer of a service, used by the outbox relay and for dead letters: {@code acks=all} and the
 * idempotent producer, so a record counts as sent only once every in-sync replica has it, retries add no
 * duplicates, and per-partition (per-key) order holds.
 *
 * <p>Kafka promises an outcome for every send within {@code delivery.timeout.ms}, but only while the producer's
 * I/O thread lives: that thread catches {@code Exception}, not {@code Error}, so an {@code OutOfMemoryError} there
 * ends it, and from then on sends are accepted and never complete (nothing expires them). A send with no outcome
 * well past the delivery timeout therefore means a dead producer, and the publisher replaces it.
 */
@ApplicationScoped
public class KafkaPublisher {

    private static final Logger LOG = Logger.getLogger(KafkaPublisher.class);

    private final Map<String, Object> config;
    private final String topicPrefix;
    private final Duration overdue;
    private final Counter replacements;
    private volatile KafkaProducer<String, byte[]> producer;

    @Inject
    public KafkaPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "retailcx.kafka.topic-prefix") Optional<String> topicPrefix,
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "retailcx.kafka.delivery-timeout") Duration deliveryTimeout,
            MeterRegistry registry) {
        Duration requestTimeout = deliveryTimeout.dividedBy(2).compareTo(Duration.ofSeconds(10)) < 0
                ? deliveryTimeout.dividedBy(2) : Duration.ofSeconds(10);
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-publisher");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Fail a send within seconds when the broker is away; the outbox keeps the event and retries it.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.keySet().removeIf(k -> k.startsWith("group.") || k.endsWith("deserializer"));
        this.config = config;
        this.topicPrefix = topicPrefix.orElse("");
        // One request timeout of slack: the I/O thread expires batches on its own poll loop, not to the millisecond.
        this.overdue = deliveryTimeout.plus(requestTimeout);
        this.replacements = registry.counter("retailcx.kafka.producer.replaced");
        this.producer = new KafkaProducer<>(config);
    }

    /** The physical topic of a logical one: deployments may prefix topics (tests use a fresh prefix per run). */
    public String physicalTopic(String logicalTopic) {
        return topicPrefix + logicalTopic;
    }

    /** How long a send may take, at most, to complete one way or the other (then the producer is replaced). */
    public Duration outcomeDeadline() {
        return overdue;
    }

    /**
     * Sends a record; the future completes when the broker acknowledged it, fails when Kafka gave up on it, and
     * fails with a {@link TimeoutException} after {@link #outcomeDeadline()} if the producer never answered (the
     * producer is then replaced). May block up to {@code max.block.ms} while the broker is unreachable, so call it
     * from a worker thread.
     */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        KafkaProducer<String, byte[]> used = producer;
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        used.send(record, (metadata, error) -> {
            if (error != null) {
                acked.completeExceptionally(error);
            } else {
                acked.complete(metadata);
            }
        });
        return acked.orTimeout(overdue.toMillis(), TimeUnit.MILLISECONDS).whenComplete((metadata, error) -> {
            if (error instanceof TimeoutException) {
                replace(used);
            }
        });
    }

    private void replace(KafkaProducer<String, byte[]> dead) {
        try {
            synchronized (this) {
                if (producer != dead) {
                    return; // another overdue send already replaced it
                }
                producer = newProducer();
            }
        } catch (Throwable e) { // whatever broke the old producer may break this one: the next overdue send retries
            LOG.error("Kafka producer gave no outcome for a send within " + overdue + " and could not be replaced", e);
            return;
        }
        replacements.increment();
        LOG.errorf("Kafka producer gave no outcome for a send within %s (delivery timeout plus slack): its I/O thread "
                + "is not working; replaced it with a new producer, unacknowledged events will be sent again", overdue);
        // Off this thread: close waits for the old I/O thread, which may be stuck rather than dead.
        CompletableFuture.runAsync(() -> dead.close(Duration.ofSeconds(5)));
    }

    /**
     * Kafka loads its plugins (metrics reporters, serializers) through the thread's context class loader; the thread
     * that notices a dead producer (a timer of the JDK's) may carry another loader than the application's, so the
     * replacement is built under this class's loader.
     */
    private KafkaProducer<String, byte[]> newProducer() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaPublisher.class.getClassLoader());
        try {
            return new KafkaProducer<>(config);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
