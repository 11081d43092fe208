package org.retailcx.synthetic.sales;

import java.time.YearMonth;

/** A marketing campaign leads and opportunities are attributed to; its monthly spend arrives as costs. */
public record Campaign(String campaignId, String name, String product, String channel, YearMonth start, YearMonth end,
        int monthlyMarketingSpend) {

    public boolean activeIn(YearMonth month) {
        return !month.isBefore(start) && !month.isAfter(end);
    }
}
