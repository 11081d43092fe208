package org.retailcx.sales.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A commission as the compensation system reported it (New Account, Cross-Sell, Referral). Reconciled in silver
 * against what the commission engine computed. {@code period} is e.g. {@code 2026-11}.
 */
@RegisterForReflection
public record CommissionRecord(
        @NotBlank @Size(max = 128) String commissionId,
        @NotBlank @Size(max = 128) String repId,
        @Size(max = 128) String opportunityId,
        @Size(max = 64) String commissionType,
        BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @Size(max = 16) String period,
        Boolean paid,
        LocalDate paidDate,
        OffsetDateTime updatedAt) {
}
