package org.retailcx.personalization.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.retailcx.personalization.pipeline.registry.AliasMove;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the registry's endpoints read and write. */
public final class ModelViews {

    private ModelViews() {
    }

    /** A model: its versions, newest first, and where its aliases point. */
    @RegisterForReflection
    public record Model(String modelId, String name, String modelType, int latestVersion, List<Version> versions,
            List<AliasMove> aliases) {
    }

    /** One version with its lineage and metrics. {@code deprecated} once its deprecation date has passed. */
    @RegisterForReflection
    public record Version(String modelId, int version, String name, String modelType, OffsetDateTime deploymentDate,
            String trainingDatasetId, String codeVersion, Map<String, Object> metrics, boolean active,
            OffsetDateTime deprecationDate, boolean deprecated, String sourceSystem, OffsetDateTime registeredAt,
            List<String> aliases) {
    }

    /** Body of {@code PUT …/aliases/{alias}}. */
    @RegisterForReflection
    public record AliasRequest(@NotNull @Min(1) Integer version) {
    }
}
