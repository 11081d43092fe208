package org.retailcx.schema.journey;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A journey instance stalled in a stage past the stage's expected time; it keeps its place and may recover. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyAbandoned(
        String instanceId,
        String customerId,
        String journeyKey,
        int journeyVersion,
        String stage,
        OffsetDateTime stageEnteredAt,
        OffsetDateTime abandonedAt,
        String reason) {
}
