package org.retailcx.schema.clv;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A CLV model version scored a customer: predicted discounted value over 12 and 36 months and over the model's
 * "lifetime" horizon, the customer's value decile (10 = most valuable), the probability that the customer is
 * still active and the expected number of purchases in the next 12 months.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerValuePredicted(
        String customerId,
        int modelVersion,
        LocalDate predictionDate,
        BigDecimal predictedClv12mo,
        BigDecimal predictedClv36mo,
        BigDecimal predictedClvLifetime,
        int decile,
        BigDecimal probabilityAlive,
        BigDecimal expectedPurchases12mo,
        String segment) {
}
