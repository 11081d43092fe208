package org.retailcx.schema.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A sales opportunity reached Closed Won: the customer bought {@code product} for {@code amount}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpportunityClosedWon(
        String opportunityId,
        String customerId,
        String ownerId,
        String product,
        BigDecimal amount,
        String currency,
        LocalDate closeDate,
        String campaignId) {
}
