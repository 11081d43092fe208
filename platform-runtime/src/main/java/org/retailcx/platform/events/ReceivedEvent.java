package org.retailcx.platform.events;

import java.time.OffsetDateTime;

/** A consumed CloudEvent with its data bound to the contract's Java type. */
public record ReceivedEvent<T>(String id, String type, String source, String subject, OffsetDateTime time,
        String key, T data) {
}
