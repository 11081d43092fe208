package org.retailcx.sales.model.commission;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prices one rep's deals of one quota period under a plan. Deals count toward attainment in win-date order (ties by
 * opportunity id), so the result depends only on the set of deals, not on the order they arrived in.
 * <ul>
 * <li>Marginal (default): the part of a deal's amount that falls in a tier's attainment band earns that tier's
 * multiplier.</li>
 * <li>Retroactive: every deal earns the multiplier of the tier the period's total attainment reaches.</li>
 * <li>A deal clawed back (reversed within the window) earns nothing and does not count toward attainment.</li>
 * <li>The cap limits the period's total; deals late in the period are cut first.</li>
 * </ul>
 * Without a positive quota, attainment is undefined and every deal earns the first tier's multiplier.
 */
public final class CommissionCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL64;

    private CommissionCalculator() {
    }

    public static List<Entitlement> price(CommissionPlan plan, BigDecimal quota, List<Deal> deals) {
        List<Deal> ordered = deals.stream()
                .sorted(Comparator.comparing(Deal::wonDate).thenComparing(Deal::opportunityId)).toList();
        boolean hasQuota = quota != null && quota.signum() > 0;
        BigDecimal total = ordered.stream().filter(d -> !d.clawedBack(plan.clawbackWindowDays()))
                .map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Tier periodTier = hasQuota ? plan.tierAt(percentOf(total, quota)) : plan.tiers().get(0);

        List<Entitlement> result = new ArrayList<>(ordered.size());
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        for (Deal deal : ordered) {
            BigDecimal rate = plan.rate(deal.type());
            if (deal.clawedBack(plan.clawbackWindowDays())) {
                result.add(new Entitlement(deal, zero(), rate, BigDecimal.ZERO, null, true, false));
                continue;
            }
            BigDecimal before = cumulative;
            cumulative = cumulative.add(deal.amount());
            BigDecimal commission;
            Tier tier;
            if (!hasQuota) {
                tier = plan.tiers().get(0);
                commission = deal.amount().multiply(rate).multiply(tier.multiplier());
            } else if (plan.retroactive()) {
                tier = periodTier;
                commission = deal.amount().multiply(rate).multiply(tier.multiplier());
            } else {
                tier = plan.tierAt(percentOf(cumulative, quota));
                commission = marginal(plan, quota, before, cumulative, rate);
            }
            commission = commission.setScale(2, RoundingMode.HALF_UP);
            boolean capped = false;
            if (plan.cap() != null && paid.add(commission).compareTo(plan.cap()) > 0) {
                commission = plan.cap().subtract(paid).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
                capped = true;
            }
            paid = paid.add(commission);
            BigDecimal base = deal.amount().multiply(rate);
            BigDecimal multiplier = base.signum() == 0 ? tier.multiplier()
                    : commission.divide(base, 4, RoundingMode.HALF_UP);
            result.add(new Entitlement(deal, commission, rate, multiplier, tier.label(), false, capped));
        }
        return result;
    }

    /** Sum over tiers of (the deal's amount inside the tier's band) × rate × multiplier. */
    private static BigDecimal marginal(CommissionPlan plan, BigDecimal quota, BigDecimal from, BigDecimal to,
            BigDecimal rate) {
        BigDecimal commission = BigDecimal.ZERO;
        for (Tier tier : plan.tiers()) {
            BigDecimal low = quota.multiply(tier.fromPercent()).divide(HUNDRED, MC);
            BigDecimal high = tier.toPercent() == null ? to : quota.multiply(tier.toPercent()).divide(HUNDRED, MC);
            BigDecimal inside = to.min(high).subtract(from.max(low));
            if (inside.signum() > 0) {
                commission = commission.add(inside.multiply(rate).multiply(tier.multiplier()));
            }
        }
        return commission;
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal quota) {
        return amount.multiply(HUNDRED).divide(quota, MC);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
