package org.retailcx.sales.pipeline;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.LayerRebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Daily pipeline snapshots, computed from the change history so that any past date can be (re)taken: the open
 * pipeline as of the end of each date (UTC) into {@code silver.retail_sales_pipeline_snapshot}, aggregated into
 * {@code gold.fact_sales_pipeline_daily}. Taking a date range replaces those dates (idempotent).
 */
@ApplicationScoped
public class PipelineSnapshots implements LayerRebuild {

    private static final String DELETE_SILVER = """
            delete from silver.retail_sales_pipeline_snapshot where snapshot_date between $1 and $2""";

    /**
     * Each history row holds from its own day until the day before the next change's day (a change later the same
     * day supersedes it at the end of that day).
     */
    private static final String INSERT_SILVER = """
            with h as (
              select h.opportunity_id, h.stage_to, h.amount_to, h.probability_to, h.close_date_to,
                     (h.changed_at at time zone 'UTC')::date as from_day,
                     (lead(h.changed_at) over (partition by h.opportunity_id order by h.changed_at, h.bronze_id)
                        at time zone 'UTC')::date as next_day
              from silver.retail_sales_opportunity_history h
              where (h.changed_at at time zone 'UTC')::date <= $2)
            insert into silver.retail_sales_pipeline_snapshot (snapshot_date, opportunity_id, account_id, owner_id,
                stage, amount, probability, weighted_amount, expected_close_date, product_interest, lead_source,
                campaign_id)
            select d::date, h.opportunity_id, g.account_id, g.owner_id, h.stage_to, h.amount_to, h.probability_to,
                   round(coalesce(h.amount_to, 0) * h.probability_to / 100, 2), h.close_date_to, g.product_interest,
                   g.lead_source, g.campaign_id
            from h
            join gold.dim_sales_stage s on s.stage_name = h.stage_to and not s.is_closed
            join silver.retail_sales_opportunity_golden g on g.opportunity_id = h.opportunity_id
            cross join lateral generate_series(greatest(h.from_day, $1::date),
                                               least(coalesce(h.next_day - 1, $2::date), $2::date),
                                               interval '1 day') d""";

    private static final String DELETE_GOLD = """
            delete from gold.fact_sales_pipeline_daily
            where snapshot_date_key between to_char($1::date, 'YYYYMMDD')::integer
                                        and to_char($2::date, 'YYYYMMDD')::integer""";

    /**
     * The rep key is the owner's version valid on the snapshot date (the earliest if the date predates it), looked up
     * once per group rather than per opportunity.
     */
    private static final String INSERT_GOLD = """
            with groups as (
              select snapshot_date, owner_id, stage, product_interest, lead_source, count(*) as n,
                     coalesce(sum(amount), 0) as amount, coalesce(sum(weighted_amount), 0) as weighted_amount
              from silver.retail_sales_pipeline_snapshot where snapshot_date between $1 and $2
              group by 1, 2, 3, 4, 5),
            keyed as (
              select to_char(g.snapshot_date, 'YYYYMMDD')::integer as date_key,
                     %s as rep_key,
                     st.stage_key, coalesce(p.product_key, pu.product_key) as product_key,
                     coalesce(ls.lead_source_key, lu.lead_source_key) as lead_source_key, g.n, g.amount,
                     g.weighted_amount
              from groups g
              join gold.dim_sales_stage st on st.stage_name = g.stage
              cross join (select product_key from gold.dim_product where product_code = 'unknown') pu
              cross join (select lead_source_key from gold.dim_lead_source where lead_source = 'Unknown') lu
              left join gold.dim_product p on p.product_code = g.product_interest
              left join gold.dim_lead_source ls on ls.lead_source = g.lead_source)
            insert into gold.fact_sales_pipeline_daily (snapshot_date_key, rep_key, stage_key, product_key,
                lead_source_key, opportunity_count, amount, weighted_amount)
            select date_key, rep_key, stage_key, product_key, lead_source_key, sum(n), sum(amount), sum(weighted_amount)
            from keyed group by 1, 2, 3, 4, 5""".formatted(RepVersions.keyOn("g.owner_id", "g.snapshot_date"));

    /** Takes (or retakes) the snapshots of {@code from}..{@code to}; returns the open-opportunity rows written. */
    public Uni<Integer> take(SqlConnection tx, LocalDate from, LocalDate to) {
        Tuple range = Tuple.of(from, to);
        return tx.preparedQuery(DELETE_SILVER).execute(range)
                .chain(() -> tx.preparedQuery(INSERT_SILVER).execute(range))
                .map(rows -> rows.rowCount())
                .call(() -> tx.preparedQuery(DELETE_GOLD).execute(range))
                .call(() -> tx.preparedQuery(INSERT_GOLD).execute(range));
    }

    @Override
    public String name() {
        return "silver.retail_sales_pipeline_snapshot, gold.fact_sales_pipeline_daily (dates already taken)";
    }

    @Override
    public int order() {
        return 350;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("select min(snapshot_date), max(snapshot_date) from silver.retail_sales_pipeline_snapshot")
                .execute()
                .chain(rows -> {
                    var row = rows.iterator().next();
                    LocalDate from = row.getLocalDate(0);
                    return from == null ? tx.query("truncate gold.fact_sales_pipeline_daily").execute().replaceWithVoid()
                            : take(tx, from, row.getLocalDate(1)).replaceWithVoid();
                });
    }
}
