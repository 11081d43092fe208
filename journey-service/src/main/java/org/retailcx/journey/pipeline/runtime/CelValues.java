package org.retailcx.journey.pipeline.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** JSON → the values CEL conditions read: integers as {@code long}, other numbers as {@code double}. */
final class CelValues {

    private CelValues() {
    }

    static Map<String, Object> map(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return map(EventJson.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }

    private static Map<String, Object> map(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            Object value = value(field.getValue());
            if (value != null) {
                out.put(field.getKey(), value);
            }
        });
        return out;
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            return map(node);
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(element -> out.add(value(element)));
            return out;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }
}
