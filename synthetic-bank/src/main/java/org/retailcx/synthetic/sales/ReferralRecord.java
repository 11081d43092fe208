package org.retailcx.synthetic.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One version of a customer referral. Field names mirror sales-service's {@code api.ReferralRecord}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralRecord(
        String referralId,
        String referrerCustomerId,
        String referredName,
        String referredEmail,
        String referredCustomerId,
        String leadId,
        String opportunityId,
        String status,
        BigDecimal rewardAmount,
        LocalDate referralDate,
        LocalDate conversionDate,
        OffsetDateTime updatedAt) {
}
