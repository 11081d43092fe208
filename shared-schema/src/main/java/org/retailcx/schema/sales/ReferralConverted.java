package org.retailcx.schema.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A customer's referral converted: the referred person became a customer; the referrer earns the reward. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralConverted(
        String referralId,
        String referrerCustomerId,
        String referredCustomerId,
        BigDecimal rewardAmount,
        LocalDate conversionDate,
        String leadId,
        String opportunityId) {
}
