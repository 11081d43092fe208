package org.retailcx.sales.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Sales or marketing cost for a period (a month, {@code 2026-11}) and optionally a campaign, from finance: the
 * numerator of customer acquisition cost. {@code costCategory} is {@code sales} or {@code marketing}.
 */
@RegisterForReflection
public record CostRecord(
        @NotBlank @Size(max = 128) String costId,
        @NotBlank @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be a month such as 2026-11") String period,
        @Size(max = 128) String campaignId,
        @NotBlank @Size(max = 32) String costCategory,
        BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        OffsetDateTime updatedAt) {
}
