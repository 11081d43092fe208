package org.retailcx.schema;

import java.util.Objects;

/**
 * One versioned event contract: its CloudEvents {@code type}, the topic it travels on and the Java type of its
 * {@code data}. The JSON Schema lives next to this class as {@code <type>.json}.
 */
public record EventType<T>(String type, String topic, Class<T> dataClass) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(dataClass, "dataClass");
        if (!type.matches("retailcx\\.[a-z]+\\.[a-z-]+(\\.[a-z-]+)*\\.v[0-9]+")) {
            throw new IllegalArgumentException("event type must look like retailcx.<domain>.<aggregate>.<event>.v<n>: " + type);
        }
    }

    /** Classpath location of the JSON Schema for this type. */
    public String schemaResource() {
        return "/org/retailcx/schema/" + type + ".json";
    }
}
