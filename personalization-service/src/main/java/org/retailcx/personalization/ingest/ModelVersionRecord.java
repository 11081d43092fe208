package org.retailcx.personalization.ingest;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One version of a model as the registry receives it: from a data scientist (API) or from the service that trained
 * it (a model-version-trained event). Lineage (training data set, code version) is fixed once registered; a later
 * record of the same version may change name, metrics, activity and deprecation.
 */
@RegisterForReflection
public record ModelVersionRecord(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,127}",
                message = "must be lower case letters, digits, '.' and '-' (e.g. sales.lead-scoring)") String modelId,
        @NotBlank @Size(max = 256) String name,
        @NotBlank @Size(max = 64) String modelType,
        @NotNull @Min(1) Integer version,
        OffsetDateTime deploymentDate,
        @Size(max = 256) String trainingDatasetId,
        @Size(max = 128) String codeVersion,
        Map<String, Double> modelMetrics,
        Boolean activeFlag,
        OffsetDateTime deprecationDate) {

    /** The registry's id of a model version, also the bronze source record id. */
    public static String key(String modelId, int version) {
        return modelId + "@" + version;
    }
}
