package org.retailcx.sales.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.retailcx.sales.model.QuotaProration.Scope;

class QuotaProrationTest {

    private static final LocalDate Q4_START = LocalDate.parse("2026-10-01");
    private static final LocalDate Q4_END = LocalDate.parse("2026-12-31");

    @Test
    void aQuotaReadForItsOwnPeriodIsTheQuota() {
        assertEquals(new BigDecimal("10000.00"),
                QuotaProration.prorate(new BigDecimal("10000"), Q4_START, Q4_END, Q4_START, Q4_END));
    }

    @Test
    void aQuarterlyQuotaReadForAMonthIsSpreadOverTheQuartersDays() {
        // 10,000 × 31 / 92
        assertEquals(new BigDecimal("3369.57"), QuotaProration.prorate(new BigDecimal("10000"), Q4_START, Q4_END,
                Q4_START, LocalDate.parse("2026-10-31")));
    }

    @Test
    void anAnnualQuotaReadForAQuarter() {
        // 36,500 × 92 / 365
        assertEquals(new BigDecimal("9200.00"), QuotaProration.prorate(new BigDecimal("36500"),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), Q4_START, Q4_END));
    }

    @Test
    void anAnnualQuotaForThePlansQuartersIsTheQuartersShareOfTheYear() {
        // The audit's rep: 365,000 for "2026" on a quarterly plan is 1,000 a day: Q1 90,000, Q2 91,000, Q4 92,000.
        BigDecimal quota = new BigDecimal("365000");
        assertEquals(new BigDecimal("90000.00"), QuotaProration.forPeriod(quota, "2026",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"), Scope.RUN_RATE));
        assertEquals(new BigDecimal("91000.00"), QuotaProration.forPeriod(quota, "2026",
                LocalDate.parse("2026-04-01"), LocalDate.parse("2026-06-30"), Scope.WITHIN_PERIOD));
        assertEquals(new BigDecimal("92000.00"), QuotaProration.forPeriod(quota, "2026", Q4_START, Q4_END,
                Scope.RUN_RATE));
    }

    @Test
    void outsideItsOwnPeriodAQuotaIsARunRateOrNothingDependingOnTheScope() {
        BigDecimal q3 = new BigDecimal("92000");
        LocalDate q2Start = LocalDate.parse("2026-04-01");
        LocalDate q2End = LocalDate.parse("2026-06-30");
        // Run rate: 92,000 over Q3's 92 days, read for Q2's 91 days.
        assertEquals(new BigDecimal("91000.00"), QuotaProration.forPeriod(q3, "2026-Q3", q2Start, q2End,
                Scope.RUN_RATE));
        // Within period: Q2 does not overlap Q3, so there is no quota for it.
        assertEquals(new BigDecimal("0.00"), QuotaProration.forPeriod(q3, "2026-Q3", q2Start, q2End,
                Scope.WITHIN_PERIOD));
        // The year holds all of Q3: within period the year's quota is Q3's; as a run rate 365 days of it.
        assertEquals(new BigDecimal("92000.00"), QuotaProration.forPeriod(q3, "2026-Q3",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), Scope.WITHIN_PERIOD));
        assertEquals(new BigDecimal("365000.00"), QuotaProration.forPeriod(q3, "2026-Q3",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), Scope.RUN_RATE));
        // September only: 30 of Q3's days.
        assertEquals(new BigDecimal("30000.00"), QuotaProration.forPeriod(q3, "2026-Q3",
                LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30"), Scope.WITHIN_PERIOD));
    }

    @Test
    void withoutAQuotaOrAReadableLabelThereIsNoQuota() {
        assertNull(QuotaProration.forPeriod(null, "2026", Q4_START, Q4_END, Scope.RUN_RATE));
        assertNull(QuotaProration.forPeriod(BigDecimal.TEN, null, Q4_START, Q4_END, Scope.RUN_RATE));
        assertNull(QuotaProration.forPeriod(BigDecimal.TEN, "quarter", Q4_START, Q4_END, Scope.RUN_RATE));
        assertEquals(Scope.WITHIN_PERIOD, Scope.ofConfigName("within-period"));
        assertThrows(IllegalArgumentException.class, () -> Scope.ofConfigName("daily"));
    }

    @Test
    void percentHasTwoDecimalsAndNoWholeMeansNoPercent() {
        assertEquals(new BigDecimal("29.68"), QuotaProration.percent(new BigDecimal("1000"), new BigDecimal("3369.57")));
        assertNull(QuotaProration.percent(BigDecimal.ONE, BigDecimal.ZERO));
        assertNull(QuotaProration.percent(BigDecimal.ONE, null));
    }
}
