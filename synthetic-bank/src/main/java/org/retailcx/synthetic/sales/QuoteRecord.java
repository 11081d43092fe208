package org.retailcx.synthetic.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One version of a quote. Field names mirror sales-service's {@code api.QuoteRecord}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteRecord(
        String quoteId,
        String opportunityId,
        String product,
        BigDecimal quotedAmount,
        BigDecimal quotedRate,
        String currency,
        String status,
        LocalDate issuedDate,
        LocalDate expirationDate,
        String terms,
        OffsetDateTime updatedAt) {
}
