package org.retailcx.platform.medallion;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Records a service produces itself (a served list, an issued action, a submitted journey definition), appended to
 * an {@link MedallionSource#internal internal} source inside the caller's transaction: one batch through the same
 * {@link BronzeWriter}, a row in the batch ledger naming the caller, then the source's data-quality rules and
 * listeners (silver, gold, outbox), promoted at once ({@link Promoter#promoteInline}). The caller's other effects
 * commit with it, and a rollback leaves nothing: no bronze row, no ledger row, no silver. A consumed event lands the
 * same way ({@link MedallionEvents}), inside the inbox transaction.
 */
@ApplicationScoped
public class InternalAppend {

    private final BronzeWriter writer;
    private final Promoter promoter;

    public InternalAppend(BronzeWriter writer, Promoter promoter) {
        this.writer = writer;
        this.promoter = promoter;
    }

    /**
     * Appends {@code records} as one batch, each record's JSON its bronze payload; nothing when there are none. A
     * value that does not fit its column is a 400 naming {@code [i].field}.
     *
     * @return the batch id (null when there was nothing to append)
     */
    public <T> Uni<UUID> append(SqlConnection tx, MedallionSource<T> source, BronzeWriter.Caller caller,
            List<T> records) {
        requireInternal(source);
        if (records.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return land(tx, source, source.defaultSourceSystem(), null, caller, records.stream().map(InternalAppend::json)
                .toList(), records, true);
    }

    /**
     * Appends one record whose bronze payload is {@code sent}, the submission it was made from as received (a posted
     * journey definition), so that bronze keeps what the client sent.
     */
    public <T> Uni<UUID> append(SqlConnection tx, MedallionSource<T> source, BronzeWriter.Caller caller, T record,
            String sent) {
        requireInternal(source);
        return land(tx, source, source.defaultSourceSystem(), null, caller, List.of(sent), List.of(record), false);
    }

    private static void requireInternal(MedallionSource<?> source) {
        if (!source.internal()) {
            // clients write it too: its batches may wait for the promoter, so promoting this one at once could
            // overtake them
            throw new IllegalArgumentException("source " + source.name() + " is not declared internal");
        }
    }

    /**
     * The one way into bronze inside someone else's transaction: appends the records ({@code payloads[i]} is
     * record i's bronze payload), registers the batch and promotes it inline.
     *
     * @param eventId the consumed event's id, or null
     * @param indexed whether field errors name the record ({@code [i].field}) or just the field
     */
    <T> Uni<UUID> land(SqlConnection tx, MedallionSource<T> source, String sourceSystem, String eventId,
            BronzeWriter.Caller caller, List<String> payloads, List<T> records, boolean indexed) {
        return writer.shape(source).chain(shape -> {
            var appender = writer.appender(source, shape, UUID.randomUUID(), sourceSystem, eventId);
            Uni<Void> appended = Uni.createFrom().voidItem();
            for (int from = 0; from < records.size(); from += BronzeWriter.CHUNK) {
                int start = from;
                int end = Math.min(records.size(), from + BronzeWriter.CHUNK);
                appended = appended.chain(() -> {
                    for (int i = start; i < end; i++) {
                        appender.add(indexed ? "[" + i + "]." : "", payloads.get(i), records.get(i));
                    }
                    // a value the bronze table cannot hold: a consumed event is dead-lettered with this reason
                    return appender.errors().isEmpty() ? appender.flush(tx)
                            : Uni.createFrom().failure(ProblemException.invalid(appender.errors()));
                });
            }
            return appended
                    .chain(() -> writer.register(tx, appender.batchId(), source, sourceSystem, records.size(), caller,
                            null, false))
                    .chain(() -> promoter.promoteInline(tx, appender.batchId(), source, records.size()))
                    .replaceWith(appender.batchId());
        });
    }

    private static String json(Object record) {
        try {
            return EventJson.mapper().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
