package org.retailcx.recommendation.ingest;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One product of a served list, as the service served it: the recommendation id feedback refers to, where it ranked,
 * with which score, algorithm and model version (null: the cold-start fallback without a model), and why.
 */
@RegisterForReflection
public record ServedRecommendationRecord(String recommendationId, String customerId, String sessionId,
        String productId, int rank, double score, String algorithm, Integer modelVersion, String context,
        OffsetDateTime servedAt, String reason) {
}
