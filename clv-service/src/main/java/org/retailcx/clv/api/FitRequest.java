package org.retailcx.clv.api;

import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Fit a new model version on the calibration window ending at {@code calibrationEnd} (inclusive; every valid
 * transaction up to that day), for all customers or one {@code segment}; score the fitted customers into gold, and
 * make the version active when {@code activate} is true. Unset settings take the service's defaults
 * ({@code retailcx.clv.*}).
 */
@RegisterForReflection
public record FitRequest(
        @NotNull LocalDate calibrationEnd,
        @Size(min = 1, max = 128) String segment,
        Boolean activate,
        @DecimalMin("0") @DecimalMax("1") Double annualDiscountRate,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double margin,
        @Min(12) @Max(600) Integer lifetimeMonths) {
}
