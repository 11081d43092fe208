package org.retailcx.clv.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A valid revenue-generating transaction of a customer (silver), with its lineage: the bronze row it came from. */
@RegisterForReflection
public record CustomerTransaction(long bronzeId, String sourceSystem, String sourceRecordId, String eventId,
        LocalDate transactionDate, BigDecimal amount, String currency, String product, OffsetDateTime receivedAt) {
}
