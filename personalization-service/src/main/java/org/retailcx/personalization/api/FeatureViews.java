package org.retailcx.personalization.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the feature store's endpoints read and write. */
public final class FeatureViews {

    private FeatureViews() {
    }

    /** Body of {@code PUT /feature-definitions/{name}}. {@code ttlSeconds} 0 means values never expire. */
    @RegisterForReflection
    public record DefinitionRequest(
            @Size(max = 64) String entity,
            @NotNull @Pattern(regexp = "number|string|boolean", message = "must be number, string or boolean")
            String valueType,
            @NotNull @Pattern(regexp = "Real-Time|Batch|Derived", message = "must be Real-Time, Batch or Derived")
            String featureType,
            @Min(1) Integer featureVersion,
            @Size(max = 128) String dataSource,
            @Size(max = 2000) String calculationLogic,
            @NotNull @PositiveOrZero Long ttlSeconds,
            @Size(max = 2000) String description) {
    }

    @RegisterForReflection
    public record Definition(String featureName, String entity, String valueType, String featureType,
            int featureVersion, String dataSource, String calculationLogic, long ttlSeconds, String description,
            String definedBy, OffsetDateTime definedAt) {
    }

    /** A customer's feature vector: each feature's latest value within its TTL (null when none) and its time. */
    @RegisterForReflection
    public record OnlineFeatures(String customerId, Map<String, Object> features, Map<String, OffsetDateTime> eventTimes) {
    }

    /** Body of {@code POST /historical-features}: the features to retrieve for each entity row, as of its time. */
    @RegisterForReflection
    public record HistoricalRequest(@NotEmpty @Size(max = 100) List<@NotBlank String> features,
            @NotEmpty List<@Valid @NotNull EntityRowRequest> rows) {
    }

    @RegisterForReflection
    public record EntityRowRequest(@NotBlank String entityId, @NotNull OffsetDateTime timestamp) {
    }

    @RegisterForReflection
    public record HistoricalRow(String entityId, OffsetDateTime timestamp, Map<String, Object> values) {
    }
}
