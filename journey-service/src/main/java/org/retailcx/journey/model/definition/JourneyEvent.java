package org.retailcx.journey.model.definition;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** An incoming domain event as the journey sees it; {@code data} is what CEL conditions read as {@code event}. */
public record JourneyEvent(String eventId, String type, Instant occurredAt, Map<String, Object> data) {

    public JourneyEvent {
        data = Map.copyOf(data);
    }

    /** The event map CEL conditions see: its data plus {@code type}. */
    public Map<String, Object> asConditionInput() {
        Map<String, Object> input = new HashMap<>(data);
        input.putIfAbsent("type", type);
        return input;
    }
}
