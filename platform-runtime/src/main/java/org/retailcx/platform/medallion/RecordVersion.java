package org.retailcx.platform.medallion;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One version of a record as bronze received it. */
@RegisterForReflection
public record RecordVersion(long bronzeId, String sourceSystem, UUID batchId, OffsetDateTime receivedAt,
        String receivedBy, JsonNode record) {
}
