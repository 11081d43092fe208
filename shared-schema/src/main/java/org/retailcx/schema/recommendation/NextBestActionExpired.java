package org.retailcx.schema.recommendation;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An issued next-best-action reached its expiry without being accepted (once per issue). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NextBestActionExpired(
        String issueId,
        String actionId,
        String customerId,
        String channel,
        String productId,
        OffsetDateTime issuedAt,
        OffsetDateTime expiry) {
}
