package org.retailcx.schema.journey;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer's journey instance entered a stage ({@code stage} is the node id, {@code stageName} its label). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageEntered(
        String instanceId,
        String customerId,
        String journeyKey,
        int journeyVersion,
        String stage,
        String stageName,
        OffsetDateTime enteredAt) {
}
