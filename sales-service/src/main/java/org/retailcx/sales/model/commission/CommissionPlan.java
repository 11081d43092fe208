package org.retailcx.sales.model.commission;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a rep is paid: a base rate per commission type, accelerator tiers over quota attainment in the quota period
 * (marginal unless {@code retroactive}), an optional cap on commission per period, and the clawback window.
 *
 * @param cap most commission a rep earns in one quota period, or null for none
 * @param clawbackWindowDays a won deal reversed within this many days of its win date is clawed back
 */
public record CommissionPlan(String planId, Map<CommissionType, BigDecimal> rates, QuotaPeriod quotaPeriod,
        List<Tier> tiers, boolean retroactive, BigDecimal cap, int clawbackWindowDays) {

    /** The one tier a plan without accelerators has. */
    public static final Tier FLAT = new Tier(BigDecimal.ZERO, null, BigDecimal.ONE);

    public CommissionPlan {
        rates = Map.copyOf(rates);
        tiers = tiers == null || tiers.isEmpty() ? List.of(FLAT) : List.copyOf(tiers);
    }

    /**
     * The plan of a rep without a commission plan: their own rate for every type, no accelerators, no cap,
     * clawback within {@code clawbackWindowDays}.
     */
    public static CommissionPlan flatRate(BigDecimal rate, QuotaPeriod period, int clawbackWindowDays) {
        Map<CommissionType, BigDecimal> rates = new EnumMap<>(CommissionType.class);
        for (CommissionType type : CommissionType.values()) {
            rates.put(type, rate);
        }
        return new CommissionPlan(null, rates, period, List.of(FLAT), false, null, clawbackWindowDays);
    }

    /** A type without a rate in the plan earns nothing. */
    public BigDecimal rate(CommissionType type) {
        return rates.getOrDefault(type, BigDecimal.ZERO);
    }

    /** The tier an attainment (percent) falls in; below the first tier, the first tier. */
    public Tier tierAt(BigDecimal attainmentPercent) {
        Tier found = tiers.get(0);
        for (Tier tier : tiers) {
            if (attainmentPercent.compareTo(tier.fromPercent()) >= 0) {
                found = tier;
            }
        }
        return found;
    }
}
