package org.retailcx.schema.personalization;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A model alias (e.g. {@code champion}, {@code challenger}) now points at {@code version}; {@code previousVersion} is
 * absent when the alias is new. Serving code resolves aliases, never hard-coded versions.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelAliasMoved(
        String modelId,
        String alias,
        int version,
        Integer previousVersion,
        String movedBy) {
}
