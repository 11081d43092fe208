package org.retailcx.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.sales.model.commission.CommissionType;
import org.retailcx.sales.model.commission.QuotaPeriod;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A commission plan version as an admin or sales manager defines it. Rates are fractions (0.05 = 5 %) per
 * commission type; tiers are attainment bands in percent of quota, from 0 upwards without gaps or overlaps (only
 * the last may be open-ended); {@code effectiveFrom} defaults to 2000-01-01 (from the beginning).
 */
@RegisterForReflection
public record CommissionPlanRequest(
        @Size(max = 128) String planId,
        @Size(max = 256) String name,
        LocalDate effectiveFrom,
        @NotNull String quotaPeriod,
        @NotNull Map<String, BigDecimal> rates,
        List<TierRequest> tiers,
        Boolean retroactive,
        BigDecimal capAmount,
        @NotNull Integer clawbackWindowDays) {

    public static final LocalDate FROM_THE_BEGINNING = LocalDate.of(2000, 1, 1);

    @RegisterForReflection
    public record TierRequest(BigDecimal fromPercent, BigDecimal toPercent, BigDecimal multiplier) {
    }

    /** The business rules a well-formed plan must meet; each violation names its field. */
    public List<FieldError> violations(String pathPlanId) {
        List<FieldError> errors = new ArrayList<>();
        if (planId != null && !planId.equals(pathPlanId)) {
            errors.add(new FieldError("planId", "must equal the id in the path (" + pathPlanId + ")"));
        }
        if (QuotaPeriod.ofApiName(quotaPeriod).isEmpty()) {
            errors.add(new FieldError("quotaPeriod", "must be month, quarter or year"));
        }
        if (rates.isEmpty()) {
            errors.add(new FieldError("rates", "must give a rate for at least one of New Account, Cross-Sell, Referral"));
        }
        rates.forEach((type, rate) -> {
            if (CommissionType.ofLabel(type).isEmpty()) {
                errors.add(new FieldError("rates." + type, "unknown commission type (New Account, Cross-Sell, Referral)"));
            } else if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                errors.add(new FieldError("rates." + type, "must be a fraction between 0 and 1"));
            }
        });
        List<TierRequest> bands = tiers == null ? List.of() : tiers;
        for (int i = 0; i < bands.size(); i++) {
            tierViolations(bands, i, errors);
        }
        if (capAmount != null && capAmount.signum() < 0) {
            errors.add(new FieldError("capAmount", "must not be negative"));
        }
        if (clawbackWindowDays < 0) {
            errors.add(new FieldError("clawbackWindowDays", "must not be negative"));
        }
        return errors;
    }

    private static void tierViolations(List<TierRequest> bands, int i, List<FieldError> errors) {
        TierRequest tier = bands.get(i);
        String field = "tiers[" + i + "].";
        if (tier == null || tier.fromPercent() == null) {
            errors.add(new FieldError(field + "fromPercent", "is required"));
            return;
        }
        if (tier.multiplier() == null || tier.multiplier().signum() < 0) {
            errors.add(new FieldError(field + "multiplier", "is required and must not be negative"));
        }
        BigDecimal expectedFrom = i == 0 ? BigDecimal.ZERO : bands.get(i - 1) == null ? null : bands.get(i - 1).toPercent();
        if (expectedFrom != null && tier.fromPercent().compareTo(expectedFrom) != 0) {
            errors.add(new FieldError(field + "fromPercent", i == 0 ? "the first tier must start at 0"
                    : "must equal the previous tier's toPercent (" + expectedFrom.toPlainString()
                            + "): tiers ascend without gaps or overlaps"));
        }
        if (tier.toPercent() == null) {
            if (i < bands.size() - 1) {
                errors.add(new FieldError(field + "toPercent", "only the last tier may be open-ended"));
            }
        } else if (tier.toPercent().compareTo(tier.fromPercent()) <= 0) {
            errors.add(new FieldError(field + "toPercent", "must be above fromPercent"));
        }
    }
}
