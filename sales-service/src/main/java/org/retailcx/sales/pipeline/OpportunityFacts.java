package org.retailcx.sales.pipeline;


import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;

import org.retailcx.platform.medallion.LayerRebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Silver golden opportunities → {@code gold.dim_campaign} (new campaign ids) and
 * {@code gold.fact_sales_opportunities}: one row per opportunity, replaced whenever the opportunity or its owner
 * changes. The rep key is the owner's version valid on the created date (the earliest one when the deal predates
 * the rep's first version); the territory is that version's. Unknown product / lead source map to the dimensions'
 * Unknown rows.
 */
@ApplicationScoped
public class OpportunityFacts implements BronzeListener, LayerRebuild {

    private static final String CAMPAIGNS = """
            with ids as (%s)
            insert into gold.dim_campaign (campaign_id)
            select distinct g.campaign_id from silver.retail_sales_opportunity_golden g
            join ids on ids.opportunity_id = g.opportunity_id
            where g.campaign_id is not null
            on conflict (campaign_id) do nothing""";

    private static final String UPSERT = """
            with ids as (%%s),
            src as (
              select g.*, %s as rep_key
              from silver.retail_sales_opportunity_golden g join ids on ids.opportunity_id = g.opportunity_id)
            insert into gold.fact_sales_opportunities as f (opportunity_id, account_id, rep_key, territory_key,
                product_key, lead_source_key, stage_key, campaign_key, created_date_key, expected_close_date_key,
                closed_date_key, won_date_key, amount, probability, weighted_amount, is_closed, is_won,
                sales_cycle_days, updated_at)
            select s.opportunity_id, s.account_id, s.rep_key, t.territory_key, coalesce(p.product_key, pu.product_key),
                   coalesce(ls.lead_source_key, lu.lead_source_key), st.stage_key, c.campaign_key,
                   to_char(s.created_date, 'YYYYMMDD')::integer, to_char(s.expected_close_date, 'YYYYMMDD')::integer,
                   to_char(s.closed_date, 'YYYYMMDD')::integer, to_char(s.won_date, 'YYYYMMDD')::integer,
                   s.amount, s.probability, round(s.amount * s.probability / 100, 2), s.is_closed, s.is_won,
                   case when s.is_closed then s.closed_date - s.created_date end, now()
            from src s
            join gold.dim_sales_stage st on st.stage_name = s.stage
            join gold.dim_campaign c on c.campaign_id = coalesce(s.campaign_id, 'none')
            cross join (select product_key from gold.dim_product where product_code = 'unknown') pu
            cross join (select lead_source_key from gold.dim_lead_source where lead_source = 'Unknown') lu
            left join gold.dim_product p on p.product_code = s.product_interest
            left join gold.dim_lead_source ls on ls.lead_source = s.lead_source
            left join gold.dim_sales_rep r on r.rep_key = s.rep_key
            left join gold.dim_sales_territory t on t.territory_id = r.territory_id
            on conflict (opportunity_id) do update set account_id = excluded.account_id, rep_key = excluded.rep_key,
                territory_key = excluded.territory_key, product_key = excluded.product_key,
                lead_source_key = excluded.lead_source_key, stage_key = excluded.stage_key,
                campaign_key = excluded.campaign_key, created_date_key = excluded.created_date_key,
                expected_close_date_key = excluded.expected_close_date_key,
                closed_date_key = excluded.closed_date_key, won_date_key = excluded.won_date_key,
                amount = excluded.amount, probability = excluded.probability,
                weighted_amount = excluded.weighted_amount, is_closed = excluded.is_closed, is_won = excluded.is_won,
                sales_cycle_days = excluded.sales_cycle_days, updated_at = excluded.updated_at""".formatted(
            RepVersions.keyOn("g.owner_id", "g.created_date"));

    @Override
    public String source() {
        return SalesSources.OPPORTUNITIES.name();
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return refresh(tx, OpportunitySilver.BATCH_IDS, batches.tuple()).replaceWith(0);
    }

    /** Refreshes the facts of the opportunities {@code opportunityIds} (a query over {@code params}) selects. */
    public Uni<Void> refresh(SqlConnection tx, String opportunityIds, Tuple params) {
        return tx.preparedQuery(CAMPAIGNS.formatted(opportunityIds)).execute(params)
                .call(() -> tx.preparedQuery(UPSERT.formatted(opportunityIds)).execute(params))
                .replaceWithVoid();
    }

    @Override
    public String name() {
        return "gold.dim_campaign, gold.fact_sales_opportunities";
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("truncate gold.fact_sales_opportunities").execute()
                .call(() -> refresh(tx, "select opportunity_id from silver.retail_sales_opportunity_golden",
                        Tuple.tuple()))
                .replaceWithVoid();
    }
}
