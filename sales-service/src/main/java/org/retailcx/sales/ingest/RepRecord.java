package org.retailcx.sales.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One sales rep as HR/CRM sends it. {@code effectiveDate} is when this version's territory, team, quota or
 * rate took effect (defaults to the day it is received); gold keeps each version as an SCD 2 row.
 * {@code quotaPeriod} is the period the quota covers, e.g. {@code 2026-Q4} or {@code 2026}.
 */
@RegisterForReflection
public record RepRecord(
        @NotBlank @Size(max = 128) String repId,
        @Size(max = 128) String employeeId,
        @Size(max = 256) String name,
        @Size(max = 256) String email,
        @Size(max = 128) String territoryId,
        @Size(max = 128) String team,
        @Size(max = 128) String managerId,
        BigDecimal quotaAmount,
        @Size(max = 16) String quotaPeriod,
        BigDecimal commissionRate,
        @Size(max = 128) String commissionPlanId,
        Boolean active,
        LocalDate hireDate,
        LocalDate effectiveDate,
        OffsetDateTime updatedAt) {
}
