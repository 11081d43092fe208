package org.retailcx.schema.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The commission engine booked a line for a rep on an opportunity: earned, adjusted (repricing) or clawed back.
 * {@code amount} is this line (negative for a clawback or a downward adjustment); {@code entitledAmount} what the
 * rep is owed on the opportunity for this type after it.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommissionCalculated(
        long lineId,
        String repId,
        String opportunityId,
        String customerId,
        String commissionType,
        String kind,
        BigDecimal amount,
        BigDecimal entitledAmount,
        String currency,
        BigDecimal dealAmount,
        BigDecimal rate,
        BigDecimal multiplier,
        String tier,
        boolean clawback,
        String period,
        String planId,
        LocalDate lineDate) {
}
