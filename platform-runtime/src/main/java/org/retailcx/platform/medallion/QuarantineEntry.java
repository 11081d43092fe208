package org.retailcx.platform.medallion;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.sqlclient.Row;

/**
 * A record that reached bronze but failed a data-quality rule. {@code recordId} and {@code sourceRecordId} are the
 * same id (the source's external id) under the two names the sales and clv APIs used before they shared this.
 */
@RegisterForReflection
public record QuarantineEntry(long quarantineId, String source, String sourceTable, String recordId,
        String sourceRecordId, String sourceSystem, String customerId, long bronzeId, UUID batchId, String rule,
        String field, String reason, OffsetDateTime quarantinedAt, OffsetDateTime resolvedAt) {

    public static QuarantineEntry of(Row r) {
        return new QuarantineEntry(r.getLong("quarantine_id"), r.getString("source"), r.getString("source_table"),
                r.getString("source_record_id"), r.getString("source_record_id"), r.getString("source_system"),
                r.getString("customer_id"), r.getLong("bronze_id"), r.getUUID("batch_id"), r.getString("rule"),
                r.getString("field"), r.getString("reason"), r.getOffsetDateTime("quarantined_at"),
                r.getOffsetDateTime("resolved_at"));
    }
}
