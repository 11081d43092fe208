package org.retailcx.sales.model.commission;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Commission is booked as an append-only ledger of lines per (rep, opportunity, type): the engine prices a period
 * from scratch and books only the difference to what the ledger already holds. Re-sending a won deal therefore
 * books nothing, and every repricing is an explicit line.
 */
public final class CommissionLedger {

    /** The line to book so that the ledger reaches the entitlement. */
    public record Line(LineKind kind, BigDecimal amount) {
    }

    private CommissionLedger() {
    }

    /**
     * @param booked the sum of the lines already booked for the key, or null when none is
     * @param target what the key is now entitled to, or null when nothing (e.g. the deal moved to another rep)
     */
    public static Optional<Line> next(BigDecimal booked, Entitlement target) {
        BigDecimal entitled = target == null ? BigDecimal.ZERO : target.amount();
        BigDecimal delta = entitled.subtract(booked == null ? BigDecimal.ZERO : booked);
        if (delta.signum() == 0) {
            return Optional.empty();
        }
        LineKind kind = booked == null ? LineKind.EARNED
                : target != null && target.clawedBack() ? LineKind.CLAWBACK : LineKind.ADJUSTMENT;
        return Optional.of(new Line(kind, delta));
    }
}
