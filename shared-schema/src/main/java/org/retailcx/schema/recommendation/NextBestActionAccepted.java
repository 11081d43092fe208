package org.retailcx.schema.recommendation;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer accepted an issued next-best-action (once per issue, before its expiry). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NextBestActionAccepted(
        String issueId,
        String actionId,
        String customerId,
        String channel,
        String productId,
        OffsetDateTime issuedAt,
        OffsetDateTime acceptedAt) {
}
