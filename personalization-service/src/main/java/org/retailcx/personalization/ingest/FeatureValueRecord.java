package org.retailcx.personalization.ingest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One value of a feature for a customer, true from {@code featureTimestamp}. A value for an undefined feature, of
 * another type than its definition's, or dated in the future is kept in bronze and quarantined with the reason.
 */
@RegisterForReflection
public record FeatureValueRecord(
        @NotBlank @Size(max = 256) String featureId,
        @NotBlank @Size(max = 128) String customerId,
        @NotBlank @Size(max = 128) String featureName,
        @NotNull Object featureValue,
        @NotNull OffsetDateTime featureTimestamp,
        @Min(1) Integer featureVersion,
        @Pattern(regexp = "Real-Time|Batch|Derived", message = "must be Real-Time, Batch or Derived")
        String featureType,
        @Size(max = 128) String dataSource,
        @Size(max = 2000) String calculationLogic) {
}
