package org.retailcx.clv.api;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A bronze record that failed a data-quality rule. */
@RegisterForReflection
public record QuarantinedRecord(long quarantineId, String sourceTable, long bronzeId, String sourceSystem,
        String sourceRecordId, String customerId, String rule, String reason, OffsetDateTime quarantinedAt) {
}
