package org.retailcx.sales.api;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What an ingestion call stored: the batch id that tags its bronze rows, and the events it queued. */
@RegisterForReflection
public record IngestionReceipt(UUID batchId, int records, int eventsQueued) {
}
