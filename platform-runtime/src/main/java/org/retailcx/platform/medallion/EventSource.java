package org.retailcx.platform.medallion;

import java.util.function.Function;

import org.retailcx.schema.EventType;

/**
 * An event consumed from another service, declared as one more way into a source: the event's data becomes a record
 * of {@code target} and lands in bronze through the same writer, rules and listeners (inside the inbox transaction,
 * so it is applied once).
 *
 * @param sourceSystem what bronze records as the record's source system (e.g. "sales-service")
 */
public record EventSource<E, T>(EventType<E> eventType, MedallionSource<T> target, String sourceSystem,
        Function<E, T> toRecord) {
}
