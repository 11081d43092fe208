package org.retailcx.sales.ingest;

import java.util.List;
import java.util.function.Function;

/**
 * One CRM/HR/finance feed: the record type the API accepts, the bronze table it lands in, and how the record's
 * fields map to the table's typed columns. The ingestion metadata columns (source_system, source_record_id,
 * batch_id, received_at, payload) are the same for every source and are not listed here.
 *
 * @param name the source's name in URLs, quarantine entries and idempotency scopes ("leads", "opportunities")
 * @param idField the record field holding the source's external id (named in 400 responses)
 */
public record BronzeSource<T>(String name, String table, Class<T> recordType, String idField,
        Function<T, String> idOf, List<Column<T>> columns) {

    /** A typed column; {@code sqlType} is the cast the insert applies (e.g. "jsonb", "text[]"), or null. */
    public record Column<T>(String name, Function<T, Object> value, String sqlType) {
        public static <T> Column<T> of(String name, Function<T, Object> value) {
            return new Column<>(name, value, null);
        }
    }
}
