package org.retailcx.schema.personalization;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The model registry recorded a new model version (from the API or from a domain's model-version-trained event). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersionRegistered(
        String modelId,
        String name,
        String modelType,
        int version,
        OffsetDateTime deploymentDate,
        String trainingDatasetId,
        String codeVersion,
        Map<String, Double> metrics,
        String sourceSystem) {
}
