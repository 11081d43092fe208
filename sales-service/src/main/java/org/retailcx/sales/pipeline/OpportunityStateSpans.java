package org.retailcx.sales.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.sales.ingest.SalesSources;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code silver.retail_sales_opportunity_state_span} from the change history: each history row with the time its
 * state held until and, for stage entries, the next stage entered, whether that advanced (a later stage, not Closed
 * Lost: the CRM's stage order) and the days in between. Replaced for the batch's opportunities right after
 * {@link OpportunitySilver} rewrote their history, so pipeline movement and stage conversion read ranges instead of
 * windowing the whole history per request.
 */
@ApplicationScoped
public class OpportunityStateSpans implements BronzeListener, LayerRebuild {

    private static final String DELETE = """
            delete from silver.retail_sales_opportunity_state_span x where x.opportunity_id in (%s)""";

    private static final String INSERT = """
            with ids as (%s),
            spans as (
              select h.opportunity_id, h.bronze_id, h.changed_at, lead(h.changed_at) over w as valid_to, h.stage_to,
                     h.amount_to, h.probability_to, h.close_date_to, h.stage_from is distinct from h.stage_to as enters_stage
              from silver.retail_sales_opportunity_history h join ids on ids.opportunity_id = h.opportunity_id
              window w as (partition by h.opportunity_id order by h.changed_at, h.bronze_id)),
            entries as (
              select opportunity_id, bronze_id, lead(stage_to) over w as next_stage,
                     lead(changed_at) over w as stage_left_at
              from spans where enters_stage
              window w as (partition by opportunity_id order by changed_at, bronze_id))
            insert into silver.retail_sales_opportunity_state_span (opportunity_id, bronze_id, valid_from, valid_to,
                stage, amount, probability, close_date, enters_stage, next_stage, stage_left_at, advances, days_in_stage)
            select s.opportunity_id, s.bronze_id, s.changed_at, s.valid_to, s.stage_to, s.amount_to, s.probability_to,
                   s.close_date_to, s.enters_stage, e.next_stage, e.stage_left_at,
                   coalesce(ns.stage_order > es.stage_order and not (ns.is_closed and not ns.is_won), false),
                   extract(epoch from e.stage_left_at - s.changed_at)::float8 / 86400
            from spans s left join entries e on e.opportunity_id = s.opportunity_id and e.bronze_id = s.bronze_id
            left join gold.dim_sales_stage es on es.stage_name = s.stage_to
            left join gold.dim_sales_stage ns on ns.stage_name = e.next_stage""";

    private static final String ALL_IDS = "select distinct opportunity_id from silver.retail_sales_opportunity_history";

    @Override
    public String source() {
        return SalesSources.OPPORTUNITIES.name();
    }

    /** Right after {@link OpportunitySilver} (100), as listener and in the rebuild. */
    @Override
    public int order() {
        return 110;
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        Tuple batch = batches.tuple();
        return tx.preparedQuery(DELETE.formatted(OpportunitySilver.BATCH_IDS)).execute(batch)
                .call(() -> tx.preparedQuery(INSERT.formatted(OpportunitySilver.BATCH_IDS)).execute(batch))
                .replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.retail_sales_opportunity_state_span";
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("truncate silver.retail_sales_opportunity_state_span").execute()
                .call(() -> tx.query(INSERT.formatted(ALL_IDS)).execute())
                .replaceWithVoid();
    }
}
