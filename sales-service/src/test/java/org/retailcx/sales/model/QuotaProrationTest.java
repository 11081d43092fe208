package org.retailcx.sales.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

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
    void percentHasTwoDecimalsAndNoWholeMeansNoPercent() {
        assertEquals(new BigDecimal("29.68"), QuotaProration.percent(new BigDecimal("1000"), new BigDecimal("3369.57")));
        assertNull(QuotaProration.percent(BigDecimal.ONE, BigDecimal.ZERO));
        assertNull(QuotaProration.percent(BigDecimal.ONE, null));
    }
}
