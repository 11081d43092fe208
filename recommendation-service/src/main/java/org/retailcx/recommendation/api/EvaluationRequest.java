package org.retailcx.recommendation.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An offline comparison: the algorithms (each with its parameters), the split (stratified by ratio and seed, or
 * chronological; default stratified 0.75, seed 42), k (default 10), and the data: the stored interactions in the
 * window, or {@code interactions} uploaded with the request (evaluated, never stored; implicit rating default
 * purchase, so every pair weighs the same).
 */
@RegisterForReflection
public record EvaluationRequest(List<Choice> algorithms, Integer k, SplitRequest split, OffsetDateTime windowFrom,
        OffsetDateTime windowTo, List<@Valid UploadedInteraction> interactions) {

    @RegisterForReflection
    public record Choice(String algorithm, JsonNode parameters) {
    }

    @RegisterForReflection
    public record SplitRequest(String method, Double trainRatio, Long seed) {
    }

    @RegisterForReflection
    public record UploadedInteraction(@NotBlank @Size(max = 128) String customerId,
            @NotBlank @Size(max = 128) String productId, String implicitRating, OffsetDateTime timestamp) {
    }
}
