package org.retailcx.recommendation.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer at risk of leaving, from sentiment-service: it triggers the catalogue's Churn Risk actions. */
@RegisterForReflection
public record RiskAlertRecord(
        @NotBlank @Size(max = 128) String customerId,
        @NotBlank @Size(max = 128) String textId,
        @NotBlank @Size(max = 200) String reasons,
        @Size(max = 64) String channel,
        BigDecimal score,
        @NotNull OffsetDateTime occurredAt) {
}
