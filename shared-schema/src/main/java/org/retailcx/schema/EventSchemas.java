package org.retailcx.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates event data against the JSON Schema of its type (networknt json-schema-validator, draft 2020-12). */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Draft 2020-12 treats {@code format} as an annotation; contracts mean it, so assert it. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The violations of {@code data} against the schema of {@code type}, as readable messages; empty when valid. */
    public static List<String> violations(EventType<?> type, JsonNode data) {
        return schema(type).validate(data).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList();
    }

    /** Serialises {@code data} with {@link EventJson} and checks it against the schema of {@code type}. */
    public static <T> JsonNode toValidatedJson(EventType<T> type, T data) {
        JsonNode json = EventJson.mapper().valueToTree(data);
        List<String> violations = violations(type, json);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type.type(), violations);
        }
        return json;
    }

    private static JsonSchema schema(EventType<?> type) {
        return SCHEMAS.computeIfAbsent(type.type(), t -> {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema on the classpath at " + type.schemaResource());
                }
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Event data that does not satisfy its contract. */
    public static final class InvalidEventException extends RuntimeException {
        private final transient List<String> violations;

        public InvalidEventException(String type, List<String> violations) {
            super(type + " violates its schema: " + String.join("; ", violations));
            this.violations = List.copyOf(violations);
        }

        public List<String> violations() {
            return violations;
        }
    }
}
