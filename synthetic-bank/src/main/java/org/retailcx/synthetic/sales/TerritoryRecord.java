package org.retailcx.synthetic.sales;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A region (no parent) or a territory inside one. Field names mirror sales-service's {@code api.TerritoryRecord}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerritoryRecord(
        String territoryId,
        String name,
        String region,
        String parentTerritoryId,
        List<String> zipCodes,
        List<String> branches,
        String assignedRepId,
        OffsetDateTime updatedAt) {
}
