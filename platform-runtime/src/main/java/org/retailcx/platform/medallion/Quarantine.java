package org.retailcx.platform.medallion;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applies a source's data-quality rules to bronze batches, set-based: violations go to
 * {@code silver.data_quality_quarantine} with the rule, field and reason; a record whose newest version in the
 * batches passes every rule resolves its earlier open entries. Listeners skip quarantined rows with
 * {@link #notQuarantined}.
 */
@ApplicationScoped
public class Quarantine {

    /** Condition over bronze alias {@code b}: the row has no quarantine entry. */
    public static String notQuarantined(MedallionSource<?> source) {
        return "not exists (select 1 from silver.data_quality_quarantine q where q.bronze_id = b.bronze_id"
                + " and q.source = '" + source.name() + "')";
    }

    /** @return the number of quarantine entries written */
    public Uni<Integer> check(SqlConnection tx, MedallionSource<?> source, BronzeBatches batches) {
        if (source.rules().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String customer = source.customerColumn() == null ? "null::text" : "b." + source.customerColumn();
        String violations = source.rules().stream().map(r -> "select b.bronze_id, b.batch_id, b.source_record_id,"
                + " b.source_system, " + customer + ", '" + r.rule() + "', '" + r.field() + "', " + r.reason()
                + " from " + source.table() + " b where b.batch_id = any($2) and (" + r.violation() + ")")
                .collect(Collectors.joining("\nunion all\n"));
        String insert = "insert into silver.data_quality_quarantine (source, source_table, bronze_id, batch_id,"
                + " source_record_id, source_system, customer_id, rule, field, reason) select $1, '" + source.table()
                + "', v.* from (" + violations + ") v(bronze_id, batch_id, source_record_id, source_system,"
                + " customer_id, rule, field, reason) on conflict do nothing";
        String resolve = "update silver.data_quality_quarantine q set resolved_at = now() from (select distinct on"
                + " (b.source_record_id) b.source_record_id, b.bronze_id from " + source.table() + " b where"
                + " b.batch_id = any($2) order by b.source_record_id, b.bronze_id desc) newest where q.source = $1"
                + " and q.source_record_id = newest.source_record_id and q.resolved_at is null and q.bronze_id <"
                + " newest.bronze_id and not exists (select 1 from silver.data_quality_quarantine n where n.source = $1"
                + " and n.bronze_id = newest.bronze_id)";
        Tuple params = Tuple.of(source.name(), batches.ids());
        return tx.preparedQuery(insert).execute(params)
                .call(() -> tx.preparedQuery(resolve).execute(params))
                .map(rows -> rows.rowCount());
    }
}
