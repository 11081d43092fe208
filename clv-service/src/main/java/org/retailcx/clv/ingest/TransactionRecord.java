package org.retailcx.clv.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A revenue-generating transaction as core banking sends it. Shape is checked here (400 naming the field); business
 * rules (amount &gt;= 0, no future date) are silver's data-quality rules: a breaking record is kept in bronze and
 * quarantined with the reason.
 */
@RegisterForReflection
public record TransactionRecord(
        @NotBlank @Size(max = 128) String transactionId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull LocalDate transactionDate,
        @NotNull BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @Size(max = 64) String product) {
}
