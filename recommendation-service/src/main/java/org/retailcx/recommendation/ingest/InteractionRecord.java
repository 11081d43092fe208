package org.retailcx.recommendation.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One implicit signal of a customer about a product, as the app, web, branch or CRM feeds send it. Shape is checked
 * here (400 naming the field); business rules (a known funnel step, no future timestamp, no negative value) are
 * silver's data-quality rules: a breaking record is kept in bronze and quarantined with the reason.
 *
 * @param implicitRating the funnel step: view, click, add to cart (or add_to_cart), purchase
 * @param interactionType the source's own label for what happened (page_view, closed-won, ...)
 * @param interactionValue an amount where there is one (a purchase)
 */
@RegisterForReflection
public record InteractionRecord(
        @NotBlank @Size(max = 128) String interactionId,
        @NotBlank @Size(max = 128) String customerId,
        @NotBlank @Size(max = 128) String productId,
        @Size(max = 64) String interactionType,
        @NotNull OffsetDateTime interactionTimestamp,
        BigDecimal interactionValue,
        @NotBlank @Size(max = 32) String implicitRating) {
}
