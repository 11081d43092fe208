package org.retailcx.platform.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.EventType;

import com.fasterxml.jackson.core.JsonProcessingException;

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

    /** How many rows of a set-based append are read back and checked against the schema before the insert. */
    public static final int BULK_SAMPLE = 200;

    /**
     * Appends one event per row of {@code rowsQuery}, set-based: a single {@code INSERT ... SELECT} in the caller's
     * transaction, so that a million events cost one statement instead of a million round trips. The query returns
     * the columns {@code subject} (text, {@code ce_subject}), {@code record_key} (text, the Kafka key) and
     * {@code data} (jsonb, the event data) and may use the parameters {@code $1..$n} of {@code args}.
     *
     * <p>The contract is still checked: the first {@link #BULK_SAMPLE} rows (in the query's order) are read back and
     * validated against the type's JSON Schema before anything is inserted; any violation fails the transaction
     * like {@link #append} does. Rows beyond the sample come from the same SQL expression, so a query that builds
     * its JSON from typed, non-null columns cannot produce a differently shaped row; consumers validate every
     * event again ({@code EventInbox}).
     *
     * @return the number of events appended
     */
    public Uni<Long> appendAll(SqlConnection tx, EventType<?> type, String rowsQuery, Tuple args) {
        int n = args.size();
        return tx.preparedQuery("select data::text from (" + rowsQuery + ") q limit " + BULK_SAMPLE)
                .execute(args)
                .chain(sample -> {
                    for (var row : sample) {
                        List<String> violations;
                        try {
                            violations = EventSchemas.violations(type, EventJson.mapper().readTree(row.getString(0)));
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                        if (!violations.isEmpty()) {
                            throw new EventSchemas.InvalidEventException(type.type(), violations);
                        }
                    }
                    Tuple all = Tuple.tuple();
                    for (int i = 0; i < n; i++) {
                        all.addValue(args.getValue(i));
                    }
                    all.addValue(type.topic()).addValue(type.type()).addValue(source);
                    return tx.preparedQuery("""
                            insert into platform.outbox (id, topic, record_key, ce_type, ce_source, ce_subject, ce_time,
                                payload)
                            select gen_random_uuid(), $%d, q.record_key, $%d, $%d, q.subject, now(), q.data
                            from (%s) q""".formatted(n + 1, n + 2, n + 3, rowsQuery))
                            .execute(all)
                            .map(rows -> (long) rows.rowCount());
                });
    }
}
