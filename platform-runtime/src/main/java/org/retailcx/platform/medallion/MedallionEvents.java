package org.retailcx.platform.medallion;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.EventHandlers;
import org.retailcx.platform.events.ReceivedEvent;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.schema.EventJson;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The inbox handlers of a domain's {@link EventSource}s: each consumed event becomes a one-record batch of its
 * target source, appended to bronze, registered and promoted through the source's rules and listeners inside the
 * inbox transaction (so it is applied once), unless earlier batches are still pending: then the promoter takes it in
 * arrival order.
 */
@ApplicationScoped
public class MedallionEvents {

    private final MedallionCatalog catalog;
    private final BronzeWriter writer;
    private final Promoter promoter;

    public MedallionEvents(MedallionCatalog catalog, BronzeWriter writer, Promoter promoter) {
        this.catalog = catalog;
        this.writer = writer;
        this.promoter = promoter;
    }

    public EventHandlers handlers() {
        EventHandlers handlers = EventHandlers.create();
        for (EventSource<?, ?> source : catalog.domain().eventSources()) {
            register(handlers, source);
        }
        return handlers;
    }

    private <E, T> void register(EventHandlers handlers, EventSource<E, T> source) {
        handlers.on(source.eventType(), (tx, event) -> land(tx, source, event));
    }

    private <E, T> Uni<Void> land(SqlConnection tx, EventSource<E, T> source, ReceivedEvent<E> event) {
        MedallionSource<T> target = source.target();
        T record = source.toRecord().apply(event.data());
        return writer.shape(target).chain(shape -> {
            var appender = writer.appender(target, shape, UUID.randomUUID(), source.sourceSystem(), event.id());
            appender.add("", EventJson.mapper().valueToTree(event.data()).toString(), record);
            if (!appender.errors().isEmpty()) {
                // a value the bronze table cannot hold: the inbox dead-letters the event with this reason
                return Uni.createFrom().failure(ProblemException.invalid(appender.errors()));
            }
            return appender.flush(tx).chain(() -> writer.register(tx, appender.batchId(), target,
                    source.sourceSystem(), 1, new BronzeWriter.Caller("event:" + event.source() + "/" + event.id(),
                            List.of()), null, false))
                    .chain(() -> promoter.promoteInline(tx, appender.batchId(), target, 1));
        });
    }
}
