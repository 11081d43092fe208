package org.retailcx.journey.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An orchestration rule as marketing writes it: for customers in a running journey of {@code journeyType} (a journey
 * key, or {@code *}), when an incoming event satisfies {@code triggerCondition} (CEL over {@code event} and
 * {@code customer}), do {@code actionToExecute}; lower {@code priority} first; {@code active} defaults to true.
 */
@RegisterForReflection
public record RuleSpec(
        @NotBlank @Size(max = 64) String journeyType,
        @NotBlank @Size(max = 4096) String triggerCondition,
        @NotBlank @Size(max = 300) String actionToExecute,
        @NotNull Integer priority,
        Boolean active) {
}
