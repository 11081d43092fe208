package org.retailcx.sales.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One version of an opportunity as bronze received it. */
@RegisterForReflection
public record OpportunityVersion(long bronzeId, String sourceSystem, UUID batchId, OffsetDateTime receivedAt,
        JsonNode record) {
}
