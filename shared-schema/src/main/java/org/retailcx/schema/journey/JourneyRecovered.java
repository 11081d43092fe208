package org.retailcx.schema.journey;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An abandoned journey instance moved again: the customer re-joined where they left. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JourneyRecovered(
        String instanceId,
        String customerId,
        String journeyKey,
        int journeyVersion,
        String stage,
        int recoveryAttempts,
        OffsetDateTime recoveredAt) {
}
