package org.retailcx.personalization.pipeline.registry;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Where a model alias points, who set it and when; {@code previousVersion} is set when a move just replaced it. */
@RegisterForReflection
public record AliasMove(String modelId, String alias, int version, Integer previousVersion, String movedBy,
        OffsetDateTime movedAt) {
}
