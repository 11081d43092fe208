package org.retailcx.clv.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's profitability for the period ending at {@code asOfDate} (e.g. a monthly statement). Year-to-date
 * figures sum the periods of the calendar year. {@code profitAmount}, when sent, must equal revenue − cost.
 * Unknown customers, future dates, negative amounts and an inconsistent profit are quarantined with the reason.
 */
@RegisterForReflection
public record ProfitabilityRecord(
        @NotBlank @Size(max = 128) String customerId,
        @NotNull LocalDate asOfDate,
        @NotNull BigDecimal revenueAmount,
        @NotNull BigDecimal costAmount,
        BigDecimal profitAmount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @Valid RevenueBreakdown revenueBreakdown,
        @Valid CostBreakdown costBreakdown) {

    @RegisterForReflection
    public record RevenueBreakdown(BigDecimal deposits, BigDecimal loans, BigDecimal cards, BigDecimal fees,
            BigDecimal wealth) {
    }

    /** {@code acquisition} is the customer acquisition cost (CAC) spent in the period. */
    @RegisterForReflection
    public record CostBreakdown(BigDecimal acquisition, BigDecimal servicing, BigDecimal fraud,
            BigDecimal chargeOffs) {
    }
}
