package org.retailcx.platform.medallion;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.EventHandlers;
import org.retailcx.platform.events.ReceivedEvent;
import org.retailcx.schema.EventJson;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The inbox handlers of a domain's {@link EventSource}s: each consumed event becomes a one-record batch of its
 * target source, landed like a service's own records ({@link InternalAppend}): appended to bronze, registered and
 * promoted through the source's rules and listeners inside the inbox transaction (so it is applied once), unless
 * earlier batches are still pending: then the promoter takes it in arrival order.
 */
@ApplicationScoped
public class MedallionEvents {

    private final MedallionCatalog catalog;
    private final InternalAppend append;

    public MedallionEvents(MedallionCatalog catalog, InternalAppend append) {
        this.catalog = catalog;
        this.append = append;
    }

    public EventHandlers handlers() {
        EventHandlers handlers = EventHandlers.create();
        for (EventSource<?, ?> source : catalog.domain().eventSources()) {
            if (source.target().internal()) {
                // an event's batch may wait for the promoter; the service's own appends to the source may not
                throw new IllegalStateException("event " + source.eventType().type() + " cannot land in internal source "
                        + source.target().name());
            }
            register(handlers, source);
        }
        return handlers;
    }

    private <E, T> void register(EventHandlers handlers, EventSource<E, T> source) {
        handlers.on(source.eventType(), (tx, event) -> land(tx, source, event));
    }

    private <E, T> Uni<Void> land(SqlConnection tx, EventSource<E, T> source, ReceivedEvent<E> event) {
        T record = source.toRecord().apply(event.data());
        return append.land(tx, source.target(), source.sourceSystem(), event.id(),
                new BronzeWriter.Caller("event:" + event.source() + "/" + event.id(), List.of()),
                List.of(EventJson.mapper().valueToTree(event.data()).toString()), List.of(record), false)
                .replaceWithVoid();
    }
}
