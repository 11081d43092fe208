package org.retailcx.synthetic.clv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** The records clv-service's bulk ingestion APIs accept, as the generator produces them. */
public final class ClvRecords {

    private ClvRecords() {
    }

    /** {@code POST /api/v1/clv/customers/batch}. */
    public record Customer(String customerId, String segment, String acquisitionChannel, LocalDate acquiredOn) {
    }

    /** {@code POST /api/v1/clv/transactions/batch}. */
    public record Transaction(String transactionId, String customerId, LocalDate transactionDate, BigDecimal amount,
            String currency, String product) {
    }

    /** {@code POST /api/v1/clv/profitability/batch}: one customer-month. */
    public record Profitability(String customerId, LocalDate asOfDate, BigDecimal revenueAmount, BigDecimal costAmount,
            BigDecimal profitAmount, String currency, Map<String, BigDecimal> revenueBreakdown,
            Map<String, BigDecimal> costBreakdown) {
    }
}
