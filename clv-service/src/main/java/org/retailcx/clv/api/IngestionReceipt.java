package org.retailcx.clv.api;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an ingestion call stored: the batch id tagging its bronze rows, how many records bronze received, how many
 * became silver records and how many were quarantined (see {@code GET /api/v1/clv/quarantine}).
 */
@RegisterForReflection
public record IngestionReceipt(UUID batchId, int records, long accepted, long quarantined) {
}
