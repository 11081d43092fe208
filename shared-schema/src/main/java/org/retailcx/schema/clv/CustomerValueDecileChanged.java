package org.retailcx.schema.clv;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A newly active CLV model version placed a customer in another value decile than the previously active version
 * did (10 = most valuable).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerValueDecileChanged(
        String customerId,
        int modelVersion,
        int previousModelVersion,
        int previousDecile,
        int decile,
        LocalDate predictionDate,
        BigDecimal predictedClvLifetime) {
}
