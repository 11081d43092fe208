package org.retailcx.platform.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.EventType;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Transactional outbox: {@link #append} writes the event in the caller's transaction, next to the state change it
 * announces, so the event exists exactly when the change does. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final String source;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.source = serviceName;
    }

    /**
     * Appends an event; its data must satisfy the type's JSON Schema (a contract breach is a bug, and fails the
     * transaction). Returns the event id, which becomes {@code ce_id}.
     *
     * @param subject the aggregate id ({@code ce_subject})
     * @param key the Kafka record key: the customer id where there is one, so per-customer order holds
     */
    public <T> Uni<UUID> append(SqlConnection tx, EventType<T> type, String subject, String key, T data) {
        String payload = EventSchemas.toValidatedJson(type, data).toString();
        UUID id = UUID.randomUUID();
        return tx.preparedQuery("""
                insert into platform.outbox (id, topic, record_key, ce_type, ce_source, ce_subject, ce_time, payload)
                values ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb)""")
                .execute(Tuple.from(new Object[] { id, type.topic(), key, type.type(), source, subject,
                        OffsetDateTime.now(ZoneOffset.UTC), payload }))
                .replaceWith(id);
    }
}
