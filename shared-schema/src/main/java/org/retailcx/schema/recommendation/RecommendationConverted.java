package org.retailcx.schema.recommendation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A served recommendation converted: the customer took the recommended product, for {@code amount} where the channel
 * reported one. Published once per recommendation, when its first conversion feedback reaches silver.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecommendationConverted(
        String recommendationId,
        String customerId,
        String productId,
        String algorithm,
        Integer modelVersion,
        String context,
        int rank,
        BigDecimal amount,
        OffsetDateTime servedAt,
        OffsetDateTime convertedAt) {
}
