package org.retailcx.schema.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A sales opportunity reached Closed Lost; {@code reason} is the CRM's loss reason when it gave one. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpportunityClosedLost(
        String opportunityId,
        String customerId,
        String ownerId,
        String product,
        BigDecimal amount,
        String currency,
        LocalDate closeDate,
        String reason,
        String competitiveThreat) {
}
