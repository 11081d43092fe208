package org.retailcx.recommendation.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An action marketing may offer: eligible for customers whose clv decile lies in [minDecile, maxDecile] (unset: no
 * bound; a customer without a prediction is eligible only when both are unset) and who do not hold {@code productId};
 * issued on {@code channel} for {@code validDays}; ranked by priority tier, then propensity × value × weight.
 */
@RegisterForReflection
public record CatalogueAction(
        @NotBlank @Size(max = 64) String actionType,
        @NotBlank @Size(max = 512) String actionRecommendation,
        @Size(max = 128) String productId,
        @NotNull @Pattern(regexp = "Lifecycle Event|Threshold|Churn Risk",
                message = "must be Lifecycle Event, Threshold or Churn Risk") String trigger,
        @NotNull @Min(1) @Max(9) Integer priority,
        @NotBlank @Size(max = 64) String channel,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") Double businessWeight,
        @NotNull @Min(1) @Max(365) Integer validDays,
        @Min(1) @Max(10) Integer minDecile,
        @Min(1) @Max(10) Integer maxDecile,
        Boolean active) {
}
