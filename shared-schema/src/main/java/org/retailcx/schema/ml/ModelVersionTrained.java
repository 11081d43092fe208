package org.retailcx.schema.ml;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A service trained a new version of one of its models: what personalization-service's model registry records, with
 * lineage (training data set and code version) and the version's evaluation metrics. The same shape for every
 * domain that trains models (sales lead scoring, clv CLV, later recommendation); each domain has its own event type.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersionTrained(
        String modelId,
        String name,
        String modelType,
        int version,
        OffsetDateTime trainedAt,
        String trainingDatasetId,
        String codeVersion,
        Map<String, Double> metrics,
        Boolean active) {
}
