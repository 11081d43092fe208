package org.retailcx.synthetic.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.retailcx.synthetic.clv.ClvHistoryGenerator.Settings;

class ClvHistoryGeneratorTest {

    @Test
    void theSameSettingsGiveTheSameDataAndAPrefixOfCustomersIsStable() {
        var a = ClvHistoryGenerator.generate(Settings.cdnowLike(500, 42));
        var b = ClvHistoryGenerator.generate(Settings.cdnowLike(500, 42));
        assertEquals(a, b);
        var other = ClvHistoryGenerator.generate(Settings.cdnowLike(500, 43));
        assertNotEquals(a.transactions(), other.transactions());
        var small = ClvHistoryGenerator.generate(Settings.cdnowLike(100, 42).withSegments(a.settings().segments()));
        // width of ids differs only beyond 999,999 customers, so the first 100 customers coincide
        assertEquals(a.customers().subList(0, 100), small.customers());
    }

    @Test
    void recordsAreValidForClvServiceIngestion() {
        Settings s = Settings.cdnowLike(2000, 7);
        var data = ClvHistoryGenerator.generate(s);
        assertEquals(2000, data.customers().size());
        assertTrue(data.transactions().size() >= 2000, "every customer has a first purchase");
        data.transactions().forEach(t -> {
            assertTrue(t.amount().signum() > 0, t::toString);
            assertFalse(t.transactionDate().isAfter(s.observationEnd()), t::toString);
            assertFalse(t.transactionDate().isBefore(s.firstAcquisition()), t::toString);
        });
        data.profitability().forEach(p -> {
            assertEquals(p.revenueAmount().subtract(p.costAmount()), p.profitAmount(), p::toString);
            BigDecimal revenue = p.revenueBreakdown().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, revenue.compareTo(p.revenueAmount()), p::toString);
            BigDecimal cost = p.costBreakdown().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, cost.compareTo(p.costAmount()), p::toString);
        });
        long acquisitionRows = data.profitability().stream()
                .filter(p -> p.costBreakdown().get("acquisition").signum() > 0).count();
        assertEquals(2000, acquisitionRows, "the acquisition cost is booked once per customer");
        // CDNOW-like: most customers never buy again (Fader, Hardie & Lee: about 60 % of the CDNOW cohort)
        long repeaters = data.transactions().stream().filter(t -> !t.transactionId().endsWith("-T1"))
                .map(t -> t.customerId()).distinct().count();
        assertTrue(repeaters > 400 && repeaters < 1200, "repeat customers: " + repeaters);
    }

    @Test
    void gammaAndBetaVariatesHaveTheirMeans() {
        SplittableRandom rnd = new SplittableRandom(1);
        int n = 200_000;
        double gammaSmall = 0, gammaLarge = 0, beta = 0;
        for (int i = 0; i < n; i++) {
            gammaSmall += ClvHistoryGenerator.gamma(rnd, 0.243);
            gammaLarge += ClvHistoryGenerator.gamma(rnd, 6.25);
            beta += ClvHistoryGenerator.beta(rnd, 0.793, 2.426);
        }
        assertEquals(0.243, gammaSmall / n, 0.005);
        assertEquals(6.25, gammaLarge / n, 0.03);
        assertEquals(0.793 / (0.793 + 2.426), beta / n, 0.003);
    }
}
