package org.retailcx.recommendation.api;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Train a new version: {@code algorithm} (popularity, sar, item-knn, als, bpr, hybrid) with its hyper-parameters
 * (unset ones take the algorithm's defaults), on the stored interactions whose timestamp lies in
 * [{@code windowFrom}, {@code windowTo}) (default: everything up to now), and activate it when {@code activate}.
 */
@RegisterForReflection
public record TrainRequest(String algorithm, JsonNode parameters, OffsetDateTime windowFrom, OffsetDateTime windowTo,
        Boolean activate) {
}
