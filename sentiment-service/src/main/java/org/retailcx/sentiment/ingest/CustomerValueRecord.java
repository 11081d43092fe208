package org.retailcx.sentiment.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer's churn signal from a CLV model version: the probability the customer is still active, and decile. */
@RegisterForReflection
public record CustomerValueRecord(
        @NotBlank @Size(max = 128) String customerId,
        @NotNull @Min(1) Integer modelVersion,
        @NotNull LocalDate predictionDate,
        @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal probabilityAlive,
        @NotNull @Min(1) @Max(10) Integer decile,
        BigDecimal predictedClvLifetime) {

    public String signalId() {
        return customerId + "@" + modelVersion;
    }
}
