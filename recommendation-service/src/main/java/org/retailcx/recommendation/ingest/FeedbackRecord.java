package org.retailcx.recommendation.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What happened to one served recommendation, as the channel reports it (one record per report: displayed, later
 * clicked, later converted). Shape is checked here; that the recommendation was served, to this customer, and that
 * amounts and dwell are not negative are data-quality rules (quarantine with the reason).
 */
@RegisterForReflection
public record FeedbackRecord(
        @NotBlank @Size(max = 128) String feedbackId,
        @NotBlank @Size(max = 128) String recommendationId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull Boolean displayed,
        @NotNull Boolean clicked,
        @NotNull Boolean dismissed,
        @NotNull Boolean converted,
        BigDecimal conversionAmount,
        Integer dwellTimeSeconds,
        @NotNull OffsetDateTime feedbackTimestamp) {
}
