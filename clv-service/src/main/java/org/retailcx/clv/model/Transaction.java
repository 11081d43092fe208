package org.retailcx.clv.model;

import java.time.LocalDate;
import java.util.Objects;

/** One purchase: who, on which day, for how much. Several purchases on one day are merged by the summarizer. */
public record Transaction(String customerId, LocalDate date, double amount) {

    public Transaction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount must be finite, was " + amount + " for customer " + customerId);
        }
    }
}
