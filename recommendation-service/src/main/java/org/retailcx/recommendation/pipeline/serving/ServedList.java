package org.retailcx.recommendation.pipeline.serving;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One served list: the model version that ranked it (null when no model is active and the service fell back to
 * popularity), and per product its recommendation id (logged to bronze, what feedback refers to), score, the
 * algorithm that placed it and a short reason.
 */
@RegisterForReflection
public record ServedList(String customerId, String context, String sessionId, Integer modelVersion,
        OffsetDateTime servedAt, List<Item> items) {

    @RegisterForReflection
    public record Item(String recommendationId, int rank, String productId, double score, String algorithm,
            String reason) {
    }
}
