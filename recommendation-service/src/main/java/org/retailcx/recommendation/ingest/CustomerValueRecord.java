package org.retailcx.recommendation.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer's predicted value from clv-service: what next-best-action arbitration multiplies propensity by. */
@RegisterForReflection
public record CustomerValueRecord(
        @NotBlank @Size(max = 128) String customerId,
        @NotNull @Min(1) Integer clvModelVersion,
        @NotNull LocalDate predictionDate,
        @NotNull BigDecimal predictedClvLifetime,
        @NotNull @Min(1) @Max(10) Integer clvDecile) {
}
