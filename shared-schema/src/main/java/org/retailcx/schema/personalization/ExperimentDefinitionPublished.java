package org.retailcx.schema.personalization;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An experiment's definition as services evaluate it locally: {@code definition} is GrowthBook's JSON shape (key,
 * variations, weights, coverage, hashAttribute, seed, hashVersion, namespace, condition, active), what
 * personalization-service's {@code ExperimentClient.publish} takes. Published when first defined, changed on every
 * later version; a draft or stopped experiment is {@code active: false} (every customer sees control).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentDefinitionPublished(
        String experimentId,
        int version,
        String status,
        Map<String, Object> definition) {
}
