package org.retailcx.journey.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A marketing touchpoint: a customer met a channel (and campaign) at a time, at a cost to the bank. */
@RegisterForReflection
public record TouchpointRecord(
        @NotBlank @Size(max = 128) String touchpointId,
        @NotBlank @Size(max = 128) String customerId,
        @NotBlank @Size(max = 64) String channel,
        @Size(max = 128) String campaignId,
        @NotNull OffsetDateTime touchedAt,
        BigDecimal cost) {
}
