package org.retailcx.synthetic.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One version of a sales rep (a territory/team change is a new version with its effective date). Field names mirror sales-service's {@code api.RepRecord}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepRecord(
        String repId,
        String employeeId,
        String name,
        String email,
        String territoryId,
        String team,
        String managerId,
        BigDecimal quotaAmount,
        String quotaPeriod,
        BigDecimal commissionRate,
        String commissionPlanId,
        Boolean active,
        LocalDate hireDate,
        LocalDate effectiveDate,
        OffsetDateTime updatedAt) {
}
