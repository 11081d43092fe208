package org.retailcx.synthetic.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One version of a CRM opportunity. Field names mirror sales-service's {@code api.OpportunityRecord}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpportunityRecord(
        String opportunityId,
        String accountId,
        String leadId,
        String ownerId,
        String stage,
        BigDecimal amount,
        String currency,
        BigDecimal probability,
        LocalDate expectedCloseDate,
        String productInterest,
        String leadSource,
        String campaignId,
        String competitiveThreat,
        String lossReason,
        LocalDate createdDate,
        OffsetDateTime updatedAt) {
}
