package org.retailcx.schema.sentiment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's sentiment — the mean score of their texts over the 30 days up to the latest — moved to another label
 * (positive ≥ 0.1, negative ≤ −0.1, else neutral).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerSentimentChanged(
        String customerId,
        String previousLabel,
        BigDecimal previousScore,
        String label,
        BigDecimal score,
        int documents,
        int windowDays,
        OffsetDateTime asOf) {
}
