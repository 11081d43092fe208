package org.retailcx.personalization.ingest;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A model's prediction for a customer, with the feature values it read. Shape is checked here (400 naming the
 * field); a prediction by a model version the registry does not know, or one made after the version's deprecation,
 * is kept in bronze and quarantined with the reason.
 */
@RegisterForReflection
public record PredictionRecord(
        @NotBlank @Size(max = 256) String predictionId,
        @NotBlank @Size(max = 128) String customerId,
        @NotBlank @Size(max = 128) String modelId,
        @NotNull @Min(1) Integer modelVersion,
        @NotNull @Pattern(regexp = PredictionTypes.PATTERN, message = "must be one of " + PredictionTypes.LIST)
        String predictionType,
        @NotNull Double predictedValue,
        @DecimalMin("0") @DecimalMax("1") Double confidenceScore,
        Map<String, Object> featureValues,
        @NotNull OffsetDateTime predictionTimestamp,
        @PositiveOrZero Double modelRuntimeMs) {
}
