package org.retailcx.sales.ingest;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One sales territory: the zip codes and branches it covers, its parent in the hierarchy, its assigned rep. */
@RegisterForReflection
public record TerritoryRecord(
        @NotBlank @Size(max = 128) String territoryId,
        @Size(max = 256) String name,
        @Size(max = 128) String region,
        @Size(max = 128) String parentTerritoryId,
        List<@Size(max = 16) String> zipCodes,
        List<@Size(max = 128) String> branches,
        @Size(max = 128) String assignedRepId,
        OffsetDateTime updatedAt) {
}
