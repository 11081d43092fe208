package org.retailcx.synthetic.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A commission as the compensation system reported it. Field names mirror sales-service's {@code api.CommissionRecord}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommissionRecord(
        String commissionId,
        String repId,
        String opportunityId,
        String commissionType,
        BigDecimal amount,
        String currency,
        String period,
        Boolean paid,
        LocalDate paidDate,
        OffsetDateTime updatedAt) {
}
