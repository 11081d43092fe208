package org.retailcx.sales.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One opportunity as a CRM sends it. Only its shape is checked here (required ids, types); whether the values make
 * business sense (known stage, non-negative amount, probability 0–100) is silver's data-quality work, so bronze
 * keeps every well-formed record as the audit trail.
 */
@RegisterForReflection
public record OpportunityRecord(
        @NotBlank @Size(max = 128) String opportunityId,
        @NotBlank @Size(max = 128) String accountId,
        @Size(max = 128) String leadId,
        @Size(max = 128) String ownerId,
        @NotBlank @Size(max = 64) String stage,
        BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        BigDecimal probability,
        LocalDate expectedCloseDate,
        @Size(max = 64) String productInterest,
        @Size(max = 64) String leadSource,
        @Size(max = 128) String campaignId,
        @Size(max = 64) String competitiveThreat,
        @Size(max = 256) String lossReason,
        LocalDate createdDate,
        OffsetDateTime updatedAt) {

    public static final String CLOSED_WON = "Closed Won";
}
