package org.retailcx.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.Topics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The consuming side of every service. For each Kafka message: read the CloudEvents headers, check the data
 * against its contract, then apply the handler and record {@code (ce_source, ce_id)} in {@code platform.inbox} in
 * one transaction — a redelivered event finds its row and is skipped, so it is applied once. A message that
 * cannot be understood (no CloudEvents headers, not JSON, breaks its schema) or whose handler keeps failing goes
 * to the service's dead-letter topic with the reason, and the consumer moves on; the original is acknowledged
 * only after the dead letter is on the broker, so nothing is lost.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    public static final String DLQ_REASON = "dlq-reason";
    public static final String DLQ_ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String DLQ_ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String DLQ_ORIGINAL_OFFSET = "dlq-original-offset";
    public static final String DLQ_CONSUMER = "dlq-consumer";

    private final Pool pool;
    private final KafkaPublisher publisher;
    private final MeterRegistry registry;
    private final String serviceName;
    private final int handlerAttempts;

    public EventInbox(Pool pool, KafkaPublisher publisher, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "retailcx.inbox.handler-attempts", defaultValue = "5") int handlerAttempts) {
        this.pool = pool;
        this.publisher = publisher;
        this.registry = registry;
        this.serviceName = serviceName;
        this.handlerAttempts = handlerAttempts;
    }

    /** Processes one message and acknowledges it (or, if even the dead letter cannot be written, nacks it). */
    public Uni<Void> process(Message<String> message, EventHandlers handlers) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("the inbox only consumes Kafka messages"));
        Headers headers = kafka.getHeaders();
        String id = CloudEventHeaders.get(headers, CloudEventHeaders.ID);
        String type = CloudEventHeaders.get(headers, CloudEventHeaders.TYPE);
        String source = CloudEventHeaders.get(headers, CloudEventHeaders.SOURCE);
        String specVersion = CloudEventHeaders.get(headers, CloudEventHeaders.SPEC_VERSION);
        if (id == null || type == null || source == null || !CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            return deadLetter(message, kafka, "not a CloudEvent 1.0 in binary mode: ce_specversion, ce_id, ce_source "
                    + "and ce_type headers are required");
        }
        var registration = handlers.find(type);
        if (registration.isEmpty()) {
            registry.counter("retailcx.inbox.skipped", "type", type).increment();
            return Uni.createFrom().completionStage(message::ack);
        }
        return bindAndApply(message, kafka, registration.get(), id, type, source);
    }

    private <T> Uni<Void> bindAndApply(Message<String> message, IncomingKafkaRecordMetadata<?, ?> kafka,
            EventHandlers.Registration<T> registration, String id, String type, String source) {
        ReceivedEvent<T> event;
        try {
            JsonNode data = EventJson.mapper().readTree(message.getPayload() == null ? "" : message.getPayload());
            if (data == null || data.isMissingNode()) {
                return deadLetter(message, kafka, "empty payload");
            }
            List<String> violations = EventSchemas.violations(registration.type(), data);
            if (!violations.isEmpty()) {
                return deadLetter(message, kafka, "data violates " + type + ": " + String.join("; ", violations));
            }
            event = new ReceivedEvent<>(id, type, source,
                    CloudEventHeaders.get(kafka.getHeaders(), CloudEventHeaders.SUBJECT),
                    time(kafka.getHeaders()), kafka.getKey() == null ? null : kafka.getKey().toString(),
                    EventJson.mapper().treeToValue(data, registration.type().dataClass()));
        } catch (JsonProcessingException | DateTimeParseException e) {
            return deadLetter(message, kafka, "unreadable event: " + e.getMessage());
        }
        return pool.withTransaction(tx -> applyOnce(tx, kafka, registration.handler(), event))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(handlerAttempts - 1L)
                .onItemOrFailure().transformToUni((applied, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "%s %s failed %d times", type, id, handlerAttempts);
                        return deadLetter(message, kafka, "handler failed " + handlerAttempts + " times: " + failure);
                    }
                    registry.counter(applied ? "retailcx.inbox.applied" : "retailcx.inbox.duplicates", "type", type)
                            .increment();
                    return Uni.createFrom().completionStage(message::ack);
                });
    }

    private <T> Uni<Boolean> applyOnce(SqlConnection tx, IncomingKafkaRecordMetadata<?, ?> kafka,
            EventHandlers.Handler<T> handler, ReceivedEvent<T> event) {
        return tx.preparedQuery("""
                insert into platform.inbox (source, event_id, event_type, topic, kafka_partition, kafka_offset)
                values ($1, $2, $3, $4, $5, $6) on conflict do nothing""")
                .execute(Tuple.from(new Object[] { event.source(), event.id(), event.type(), kafka.getTopic(),
                        kafka.getPartition(), kafka.getOffset() }))
                .chain(inserted -> inserted.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : handler.apply(tx, event).replaceWith(true));
    }

    private Uni<Void> deadLetter(Message<String> message, IncomingKafkaRecordMetadata<?, ?> kafka, String reason) {
        LOG.warnf("dead-lettering %s[%d]@%d: %s", kafka.getTopic(), kafka.getPartition(), kafka.getOffset(), reason);
        byte[] value = message.getPayload() == null ? null : message.getPayload().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                publisher.physicalTopic(Topics.deadLetter(serviceName)),
                kafka.getKey() == null ? null : kafka.getKey().toString(), value);
        for (Header h : kafka.getHeaders()) {
            record.headers().add(h);
        }
        CloudEventHeaders.put(record.headers(), DLQ_REASON, reason);
        CloudEventHeaders.put(record.headers(), DLQ_ORIGINAL_TOPIC, kafka.getTopic());
        CloudEventHeaders.put(record.headers(), DLQ_ORIGINAL_PARTITION, Integer.toString(kafka.getPartition()));
        CloudEventHeaders.put(record.headers(), DLQ_ORIGINAL_OFFSET, Long.toString(kafka.getOffset()));
        CloudEventHeaders.put(record.headers(), DLQ_CONSUMER, serviceName);
        return Uni.createFrom().item(() -> publisher.send(record))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(acked -> Uni.createFrom().completionStage(acked))
                .ifNoItem().after(Duration.ofSeconds(60)).fail()
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "could not dead-letter %s[%d]@%d; it will be redelivered",
                                kafka.getTopic(), kafka.getPartition(), kafka.getOffset());
                        return Uni.createFrom().completionStage(() -> message.nack(failure));
                    }
                    registry.counter("retailcx.inbox.dead-lettered").increment();
                    return Uni.createFrom().completionStage(message::ack);
                });
    }

    private static OffsetDateTime time(Headers headers) {
        String time = CloudEventHeaders.get(headers, CloudEventHeaders.TIME);
        return time == null ? null : OffsetDateTime.parse(time);
    }
}
