package org.retailcx.schema.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A sales opportunity moved from one stage to another (including into Closed Won / Closed Lost). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpportunityStageChanged(
        String opportunityId,
        String customerId,
        String ownerId,
        String fromStage,
        String toStage,
        BigDecimal amount,
        String currency,
        BigDecimal probability,
        LocalDate expectedCloseDate,
        String product,
        OffsetDateTime changedAt) {
}
