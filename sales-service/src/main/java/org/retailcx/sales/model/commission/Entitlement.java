package org.retailcx.sales.model.commission;

import java.math.BigDecimal;

/**
 * What a deal is worth to its rep under the plan, given everything else the rep won in the period.
 *
 * @param multiplier effective accelerator: commission ÷ (amount × base rate), blended across tiers when marginal
 * @param tier the tier the rep's attainment reached with this deal (the period's final tier when retroactive)
 */
public record Entitlement(Deal deal, BigDecimal amount, BigDecimal baseRate, BigDecimal multiplier, String tier,
        boolean clawedBack, boolean capped) {
}
