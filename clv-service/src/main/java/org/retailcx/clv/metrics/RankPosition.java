package org.retailcx.clv.metrics;

import java.math.BigDecimal;

import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;

/** The keyset position of a ranked customer list (sort value, then customer id), carried in a {@link Page} cursor. */
record RankPosition(BigDecimal value, String id) {

    static String key(BigDecimal value, String id) {
        return value.toPlainString() + "|" + id;
    }

    /** The position a cursor names, or null for the first page. */
    static RankPosition after(String cursor) {
        String key = Page.after(cursor);
        if (key == null) {
            return null;
        }
        int bar = key.indexOf('|');
        try {
            return new RankPosition(new BigDecimal(key.substring(0, bar)), key.substring(bar + 1));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
