package org.retailcx.journey.model.definition;

import java.time.Instant;

/**
 * An action a journey node asks for. {@code actionId} is derived from the instance and step, so replaying a step
 * yields the same id and the outbox can drop the duplicate.
 */
public record ActionRequest(String actionId, Type type, String customerId, String nodeId, String channel,
                            String content, Instant requestedAt) {

    public enum Type {
        MESSAGE, NEXT_BEST_ACTION
    }
}
