package org.retailcx.platform.medallion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.mutiny.sqlclient.Row;

/**
 * What happened to an ingestion batch: {@code accepted} once bronze holds it, {@code promoted} once silver and gold
 * are current for it (with how many records were quarantined and how many events it queued), or {@code failed}.
 *
 * @param accepted records that reached silver (records − quarantined), once promoted
 * @param promotedWith how many batches were promoted in the same step (events are counted for the step)
 */
@RegisterForReflection
public record BatchReceipt(UUID batchId, String source, int records, String status, Integer accepted,
        Integer quarantined, Integer eventsQueued, Integer promotedWith, OffsetDateTime receivedAt, String receivedBy,
        List<String> receivedRoles, OffsetDateTime promotedAt, Integer promotionMillis, String error) {

    public static final String COLUMNS = """
            batch_id, source, records, status, quarantined, events_queued, promoted_with, received_at, received_by,
            received_roles, promoted_at, promotion_millis, last_error""";

    public static BatchReceipt of(Row r) {
        Integer quarantined = r.getInteger("quarantined");
        String[] roles = r.getArrayOfStrings("received_roles");
        return new BatchReceipt(r.getUUID("batch_id"), r.getString("source"), r.getInteger("records"),
                r.getString("status"), quarantined == null ? null : r.getInteger("records") - quarantined, quarantined,
                r.getInteger("events_queued"), r.getInteger("promoted_with"), r.getOffsetDateTime("received_at"),
                r.getString("received_by"), roles == null ? List.of() : List.of(roles),
                r.getOffsetDateTime("promoted_at"), r.getInteger("promotion_millis"), r.getString("last_error"));
    }
}
