package org.retailcx.schema.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A sales opportunity was opened for a customer (its first valid version reached silver). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpportunityCreated(
        String opportunityId,
        String customerId,
        String ownerId,
        String leadId,
        String stage,
        BigDecimal amount,
        String currency,
        BigDecimal probability,
        LocalDate expectedCloseDate,
        String product,
        String leadSource,
        String campaignId,
        LocalDate createdDate) {
}
