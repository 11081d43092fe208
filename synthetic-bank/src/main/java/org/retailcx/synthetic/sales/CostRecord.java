package org.retailcx.synthetic.sales;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A month's sales or marketing cost, per campaign (or none). Field names mirror sales-service's {@code api.CostRecord}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CostRecord(
        String costId,
        String period,
        String campaignId,
        String costCategory,
        BigDecimal amount,
        String currency,
        OffsetDateTime updatedAt) {
}
