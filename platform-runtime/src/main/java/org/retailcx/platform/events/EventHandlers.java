package org.retailcx.platform.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.retailcx.schema.EventType;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** What a consumer does per event type. Types it does not list are acknowledged and skipped. */
public final class EventHandlers {

    /** Applies one event inside the inbox's transaction; whatever it writes commits with the inbox row. */
    @FunctionalInterface
    public interface Handler<T> {
        Uni<Void> apply(SqlConnection tx, ReceivedEvent<T> event);
    }

    record Registration<T>(EventType<T> type, Handler<T> handler) {
    }

    private final Map<String, Registration<?>> byType = new HashMap<>();

    public static EventHandlers create() {
        return new EventHandlers();
    }

    public <T> EventHandlers on(EventType<T> type, Handler<T> handler) {
        byType.put(type.type(), new Registration<>(type, handler));
        return this;
    }

    Optional<Registration<?>> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
