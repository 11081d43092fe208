package org.retailcx.sales.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One quote (Draft, Sent, Accepted, Rejected) as the CRM sends it. */
@RegisterForReflection
public record QuoteRecord(
        @NotBlank @Size(max = 128) String quoteId,
        @Size(max = 128) String opportunityId,
        @Size(max = 64) String product,
        BigDecimal quotedAmount,
        BigDecimal quotedRate,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotBlank @Size(max = 32) String status,
        LocalDate issuedDate,
        LocalDate expirationDate,
        @Size(max = 4000) String terms,
        OffsetDateTime updatedAt) {
}
