package org.retailcx.sales.pipeline;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.sales.ingest.BronzeSource;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applies a source's data-quality rules to a bronze batch, set-based: violations go to
 * {@code silver.retail_sales_quarantine} with the rule, field and reason; a record whose newest version in the
 * batch passes every rule resolves its earlier open entries. Pipelines then skip quarantined rows with
 * {@link #NOT_QUARANTINED}.
 */
@ApplicationScoped
public class Quarantine {

    /** Condition over bronze alias {@code b}: the row has no quarantine entry. */
    public static final String NOT_QUARANTINED = """
            not exists (select 1 from silver.retail_sales_quarantine q where q.bronze_id = b.bronze_id and q.source = '%s')""";

    public static String notQuarantined(BronzeSource<?> source) {
        return NOT_QUARANTINED.formatted(source.name());
    }

    /** @return the number of rows quarantined in this batch */
    public Uni<Integer> check(SqlConnection tx, BronzeSource<?> source, UUID batchId, List<DataQualityRule> rules) {
        if (rules.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String violations = rules.stream().map(r -> "select b.bronze_id, b.source_record_id, '" + r.rule() + "', '"
                + r.field() + "', " + r.reason() + " from " + source.table() + " b where b.batch_id = $2 and ("
                + r.violation() + ")").collect(Collectors.joining("\nunion all\n"));
        String insert = "insert into silver.retail_sales_quarantine (source, bronze_id, source_record_id, rule, field,"
                + " reason, batch_id) select $1, v.*, $2 from (" + violations + ") v(bronze_id, source_record_id, rule,"
                + " field, reason) on conflict do nothing";
        String resolve = "update silver.retail_sales_quarantine q set resolved_at = now() from (select distinct on"
                + " (b.source_record_id) b.source_record_id, b.bronze_id from " + source.table() + " b where"
                + " b.batch_id = $2 order by b.source_record_id, b.bronze_id desc) newest where q.source = $1"
                + " and q.source_record_id = newest.source_record_id and q.resolved_at is null and q.bronze_id <"
                + " newest.bronze_id and not exists (select 1 from silver.retail_sales_quarantine n where n.source = $1"
                + " and n.bronze_id = newest.bronze_id)";
        Tuple params = Tuple.of(source.name(), batchId);
        return tx.preparedQuery(insert).execute(params)
                .call(() -> tx.preparedQuery(resolve).execute(params))
                .map(rows -> rows.rowCount());
    }
}
