package org.retailcx.schema.journey;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A journey asks for an action: a {@code message} on {@code channel} with {@code content} = the template, or a
 * {@code next-best-action} from recommendation with {@code content} = the placement. Messages leave only within the
 * customer's frequency caps and outside quiet hours ({@code sendAt} is when that held; a deferred message carries its
 * original {@code requestedAt}). {@code actionId} is stable: a consumer may drop a repeated id.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionRequested(
        String actionId,
        String instanceId,
        String customerId,
        String journeyKey,
        String nodeId,
        String actionType,
        String channel,
        String content,
        OffsetDateTime requestedAt,
        OffsetDateTime sendAt) {
}
