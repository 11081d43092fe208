package org.retailcx.sales.model.commission;

import java.math.BigDecimal;

/**
 * An accelerator band of quota attainment, in percent: from {@code fromPercent} (inclusive) up to
 * {@code toPercent} (exclusive; null = no upper bound), the base rate is multiplied by {@code multiplier}.
 */
public record Tier(BigDecimal fromPercent, BigDecimal toPercent, BigDecimal multiplier) {

    public boolean contains(BigDecimal attainmentPercent) {
        return attainmentPercent.compareTo(fromPercent) >= 0
                && (toPercent == null || attainmentPercent.compareTo(toPercent) < 0);
    }

    public String label() {
        return fromPercent.stripTrailingZeros().toPlainString() + "–"
                + (toPercent == null ? "" : toPercent.stripTrailingZeros().toPlainString()) + "% ×"
                + multiplier.stripTrailingZeros().toPlainString();
    }
}
