package org.retailcx.platform.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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

import io.smallrye.common.annotation.Identifier;

/**
 * The one Kafka producer of a service, used by the outbox relay and for dead letters: {@code acks=all} and the
 * idempotent producer, so a record counts as sent only once every in-sync replica has it, retries add no
 * duplicates, and per-partition (per-key) order holds.
 */
@ApplicationScoped
public class KafkaPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final String topicPrefix;

    @Inject
    public KafkaPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "retailcx.kafka.topic-prefix") Optional<String> topicPrefix,
            @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-publisher");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Fail a send within seconds when the broker is away; the outbox keeps the event and retries it.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.keySet().removeIf(k -> k.startsWith("group.") || k.endsWith("deserializer"));
        this.producer = new KafkaProducer<>(config);
        this.topicPrefix = topicPrefix.orElse("");
    }

    /** The physical topic of a logical one: deployments may prefix topics (tests use a fresh prefix per run). */
    public String physicalTopic(String logicalTopic) {
        return topicPrefix + logicalTopic;
    }

    /**
     * Sends a record; the future completes when the broker acknowledged it. May block up to {@code max.block.ms}
     * while the broker is unreachable, so call it from a worker thread.
     */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                acked.completeExceptionally(error);
            } else {
                acked.complete(metadata);
            }
        });
        return acked;
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
