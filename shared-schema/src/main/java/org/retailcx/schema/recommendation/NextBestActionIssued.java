package org.retailcx.schema.recommendation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A next-best-action was issued to a customer on a channel: the catalogue action, why it won arbitration
 * (propensity × value × business weight within its priority tier) and until when it stands.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NextBestActionIssued(
        String issueId,
        String actionId,
        String customerId,
        String actionType,
        String actionRecommendation,
        String productId,
        String channel,
        String trigger,
        int priority,
        int rankForCustomer,
        BigDecimal propensity,
        BigDecimal value,
        BigDecimal expectedValue,
        OffsetDateTime issuedAt,
        OffsetDateTime expiry) {
}
