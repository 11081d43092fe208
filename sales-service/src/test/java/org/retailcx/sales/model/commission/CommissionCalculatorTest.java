package org.retailcx.sales.model.commission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Plan: New Account 5 %, Cross-Sell 3 %, Referral 2 %; quarterly quota 100,000; ×1 to 100 %, ×1.5 to 120 %, ×2 above. */
class CommissionCalculatorTest {

    private static final BigDecimal QUOTA = new BigDecimal("100000");
    private static final List<Tier> TIERS = List.of(tier("0", "100", "1.0"), tier("100", "120", "1.5"),
            tier("120", null, "2.0"));

    private static final Deal FIRST = deal("OPP-1", CommissionType.NEW_ACCOUNT, "80000", "2026-10-05", null);
    private static final Deal CROSSING = deal("OPP-2", CommissionType.NEW_ACCOUNT, "50000", "2026-10-20", null);
    private static final Deal CROSS_SELL = deal("OPP-3", CommissionType.CROSS_SELL, "10000", "2026-11-01", null);

    @Test
    void marginalTiersPayTheHigherRateOnlyOnThePartAboveEachThreshold() {
        List<Entitlement> result = CommissionCalculator.price(plan(false, null), QUOTA,
                List.of(FIRST, CROSSING, CROSS_SELL));
        // 80,000 × 5 % = 4,000.00, all below quota
        assertAmount("4000.00", result.get(0));
        assertEquals("0–100% ×1", result.get(0).tier());
        // 80k→130k: 20,000 × 5 % × 1 + 20,000 × 5 % × 1.5 + 10,000 × 5 % × 2 = 1,000 + 1,500 + 1,000
        assertAmount("3500.00", result.get(1));
        assertEquals(0, new BigDecimal("1.4").compareTo(result.get(1).multiplier()), "3,500 ÷ 2,500");
        assertEquals("120–% ×2", result.get(1).tier());
        // all of it above 120 %: 10,000 × 3 % × 2
        assertAmount("600.00", result.get(2));
    }

    @Test
    void theResultDoesNotDependOnTheOrderDealsArrivedIn() {
        List<Deal> lateFirst = new ArrayList<>(List.of(FIRST, CROSSING, CROSS_SELL));
        Collections.reverse(lateFirst);
        List<Entitlement> result = CommissionCalculator.price(plan(false, null), QUOTA, lateFirst);
        assertEquals("OPP-1", result.get(0).deal().opportunityId());
        assertAmount("4000.00", result.get(0));
        assertAmount("3500.00", result.get(1));
    }

    @Test
    void retroactivePlansRepriceTheWholePeriodAtTheFinalTier() {
        List<Entitlement> result = CommissionCalculator.price(plan(true, null), QUOTA, List.of(FIRST, CROSSING));
        // 130,000 = 130 % → ×2 on everything
        assertAmount("8000.00", result.get(0));
        assertAmount("5000.00", result.get(1));
        assertEquals("120–% ×2", result.get(0).tier());
        // alone, the first deal stays at ×1
        assertAmount("4000.00", CommissionCalculator.price(plan(true, null), QUOTA, List.of(FIRST)).get(0));
    }

    @Test
    void retroactiveTierStartsAtItsThresholdInclusive() {
        Deal exactlyQuota = deal("OPP-9", CommissionType.NEW_ACCOUNT, "100000", "2026-10-05", null);
        // 100 % reaches the 100–120 % tier: 100,000 × 5 % × 1.5
        assertAmount("7500.00", CommissionCalculator.price(plan(true, null), QUOTA, List.of(exactlyQuota)).get(0));
        // marginal: the whole amount lies below the threshold
        assertAmount("5000.00", CommissionCalculator.price(plan(false, null), QUOTA, List.of(exactlyQuota)).get(0));
    }

    @Test
    void aDealReversedWithinTheWindowIsClawedBackAndLeavesTheQuota() {
        Deal reversed = deal("OPP-2", CommissionType.NEW_ACCOUNT, "50000", "2026-10-20", "2026-12-01"); // day 42
        List<Entitlement> result = CommissionCalculator.price(plan(false, null), QUOTA,
                List.of(FIRST, reversed, CROSS_SELL));
        assertAmount("4000.00", result.get(0));
        assertAmount("0.00", result.get(1));
        assertTrue(result.get(1).clawedBack());
        // attainment 80k → 90k, all at ×1: 10,000 × 3 %
        assertAmount("300.00", result.get(2));
    }

    @Test
    void theWindowIsInclusiveAndAReversalAfterItKeepsTheCommission() {
        Deal onLastDay = deal("OPP-2", CommissionType.NEW_ACCOUNT, "50000", "2026-10-20", "2027-01-18"); // day 90
        Deal afterWindow = deal("OPP-2", CommissionType.NEW_ACCOUNT, "50000", "2026-10-20", "2027-01-19"); // 91
        assertTrue(CommissionCalculator.price(plan(false, null), QUOTA, List.of(FIRST, onLastDay)).get(1)
                .clawedBack());
        Entitlement kept = CommissionCalculator.price(plan(false, null), QUOTA, List.of(FIRST, afterWindow)).get(1);
        assertFalse(kept.clawedBack());
        assertAmount("3500.00", kept);
    }

    @Test
    void theCapCutsTheDealsLateInThePeriod() {
        List<Entitlement> result = CommissionCalculator.price(plan(false, new BigDecimal("5000")), QUOTA,
                List.of(FIRST, CROSSING, CROSS_SELL));
        assertAmount("4000.00", result.get(0));
        assertAmount("1000.00", result.get(1));
        assertTrue(result.get(1).capped());
        assertAmount("0.00", result.get(2));
    }

    @Test
    void withoutAQuotaEveryDealEarnsTheFirstTier() {
        List<Entitlement> result = CommissionCalculator.price(plan(false, null), null, List.of(FIRST, CROSSING));
        assertAmount("4000.00", result.get(0));
        assertAmount("2500.00", result.get(1));
    }

    @Test
    void aRepWithoutAPlanEarnsTheirOwnRateOnEveryType() {
        CommissionPlan own = CommissionPlan.flatRate(new BigDecimal("0.04"), QuotaPeriod.MONTH, 90);
        List<Entitlement> result = CommissionCalculator.price(own, QUOTA, List.of(FIRST, CROSSING, CROSS_SELL));
        assertAmount("3200.00", result.get(0));
        assertAmount("2000.00", result.get(1));
        assertAmount("400.00", result.get(2));
    }

    @Test
    void amountsRoundHalfUpToTheCent() {
        Deal odd = deal("OPP-7", CommissionType.REFERRAL, "1234.25", "2026-10-01", null);
        // 1,234.25 × 2 % = 24.685 → 24.69
        assertAmount("24.69", CommissionCalculator.price(plan(false, null), QUOTA, List.of(odd)).get(0));
    }

    static CommissionPlan plan(boolean retroactive, BigDecimal cap) {
        return new CommissionPlan("PLAN-A", Map.of(CommissionType.NEW_ACCOUNT, new BigDecimal("0.05"),
                CommissionType.CROSS_SELL, new BigDecimal("0.03"), CommissionType.REFERRAL, new BigDecimal("0.02")),
                QuotaPeriod.QUARTER, TIERS, retroactive, cap, 90);
    }

    static Deal deal(String id, CommissionType type, String amount, String won, String reversed) {
        return new Deal(id, type, new BigDecimal(amount), LocalDate.parse(won),
                reversed == null ? null : LocalDate.parse(reversed));
    }

    private static Tier tier(String from, String to, String multiplier) {
        return new Tier(new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(multiplier));
    }

    private static void assertAmount(String expected, Entitlement entitlement) {
        assertEquals(new BigDecimal(expected), entitlement.amount(), entitlement.deal().opportunityId());
    }
}
