package org.retailcx.synthetic.sales;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A commission plan as the generated reps reference it ({@code commissionPlanId}): a rate per commission type
 * (New Account, Cross-Sell, Referral) on the won amount, an accelerator multiplier above quarterly quota and a
 * clawback window. The reported commissions are computed with {@link #rateFor}.
 */
public record CommissionPlan(String planId, String name, Map<String, BigDecimal> rates, BigDecimal acceleratorAboveQuota,
        int clawbackDays) {

    public BigDecimal rateFor(String commissionType) {
        return rates.get(commissionType);
    }
}
