package org.retailcx.sales.model.commission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CommissionLedgerTest {

    private static final Deal DEAL = new Deal("OPP-1", CommissionType.NEW_ACCOUNT, new BigDecimal("80000"),
            LocalDate.parse("2026-10-05"), null);

    @Test
    void theFirstLineOfADealIsEarnedAndARepeatBooksNothing() {
        assertEquals(new CommissionLedger.Line(LineKind.EARNED, new BigDecimal("4000.00")),
                CommissionLedger.next(null, entitled("4000.00", false)).orElseThrow());
        assertTrue(CommissionLedger.next(new BigDecimal("4000.00"), entitled("4000.00", false)).isEmpty());
        assertTrue(CommissionLedger.next(null, entitled("0.00", false)).isEmpty());
    }

    @Test
    void repricingBooksTheDifferenceAsAnAdjustment() {
        assertEquals(new CommissionLedger.Line(LineKind.ADJUSTMENT, new BigDecimal("4000.00")),
                CommissionLedger.next(new BigDecimal("4000.00"), entitled("8000.00", false)).orElseThrow());
        assertEquals(new CommissionLedger.Line(LineKind.ADJUSTMENT, new BigDecimal("-4000.00")),
                CommissionLedger.next(new BigDecimal("4000.00"), null).orElseThrow(), "moved to another rep");
    }

    @Test
    void aReversalWithinTheWindowClawsBackWhatWasBooked() {
        assertEquals(new CommissionLedger.Line(LineKind.CLAWBACK, new BigDecimal("-3500.00")),
                CommissionLedger.next(new BigDecimal("3500.00"), entitled("0.00", true)).orElseThrow());
    }

    @Test
    void referralWinsOverFirstDealWhichWinsOverCrossSell() {
        assertEquals(CommissionType.REFERRAL, CommissionType.classify("Referral", true));
        assertEquals(CommissionType.NEW_ACCOUNT, CommissionType.classify("Branch", true));
        assertEquals(CommissionType.CROSS_SELL, CommissionType.classify(null, false));
    }

    @Test
    void quotaPeriodsHaveTheMetricFilterLabels() {
        LocalDate day = LocalDate.parse("2026-11-24");
        assertEquals(List.of("2026-11", "2026-Q4", "2026"),
                List.of(QuotaPeriod.MONTH.label(day), QuotaPeriod.QUARTER.label(day), QuotaPeriod.YEAR.label(day)));
        assertEquals(LocalDate.parse("2026-10-01"), QuotaPeriod.QUARTER.start(day));
        assertEquals(LocalDate.parse("2026-12-31"), QuotaPeriod.QUARTER.end(day));
        assertEquals(LocalDate.parse("2026-11-30"), QuotaPeriod.MONTH.end(day));
        assertEquals(LocalDate.parse("2026-01-01"), QuotaPeriod.YEAR.start(day));
    }

    private static Entitlement entitled(String amount, boolean clawedBack) {
        return new Entitlement(DEAL, new BigDecimal(amount), new BigDecimal("0.05"), BigDecimal.ONE, "0–100% ×1",
                clawedBack, false);
    }
}
