package org.retailcx.schema.journey;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer reached a goal of a journey ({@code goal} is the goal's name); the instance is finished. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyCompleted(
        String instanceId,
        String customerId,
        String journeyKey,
        int journeyVersion,
        String goal,
        OffsetDateTime enteredAt,
        OffsetDateTime completedAt) {
}
