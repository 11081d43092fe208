package org.retailcx.sales.model.commission;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A won deal of one rep in one quota period.
 *
 * @param amount the amount it was won for (the last Closed Won amount, also when later reversed)
 * @param reversedOn when it left Closed Won (or its amount went to 0), or null while it stands
 */
public record Deal(String opportunityId, CommissionType type, BigDecimal amount, LocalDate wonDate,
        LocalDate reversedOn) {

    /** Reversed within the window (inclusive): the deal pays nothing and does not count toward quota. */
    public boolean clawedBack(int windowDays) {
        return reversedOn != null && !reversedOn.isAfter(wonDate.plusDays(windowDays));
    }
}
