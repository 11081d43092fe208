package org.retailcx.sales.pipeline;


import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;

import org.retailcx.platform.medallion.LayerRebuild;

import org.retailcx.platform.medallion.Quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Bronze opportunities → silver: quarantines versions that break a data-quality rule, then rebuilds the golden
 * record and the change history of every opportunity in the batch from all of its valid versions. Rebuilding per
 * opportunity (rather than applying the batch as a delta) keeps both right when versions arrive out of order.
 * <p>
 * A version's effective time is {@code coalesce(crm_updated_at, received_at)}, ties broken by bronze id. Owners
 * must be known reps, so reps (and before them territories) are loaded first; a quarantined version is resolved
 * by a later valid version of the same opportunity.
 */
@ApplicationScoped
public class OpportunitySilver implements BronzeListener, LayerRebuild {

    /** Opportunity ids of one batch ($1). */
    static final String BATCH_IDS = "select distinct opportunity_id from bronze.retail_sales_opportunities where batch_id = any($1)";
    private static final String ALL_IDS = "select distinct opportunity_id from bronze.retail_sales_opportunities";

    /** Valid versions of the opportunities in {@code ids}, with their effective time and effective probability. */
    private static final String VERSIONS = """
            v as (
              select b.*, coalesce(b.crm_updated_at, b.received_at) as eff,
                     coalesce(b.probability, s.default_probability) as effective_probability
              from bronze.retail_sales_opportunities b
              join ids on ids.opportunity_id = b.opportunity_id
              join gold.dim_sales_stage s on s.stage_name = b.stage
              where %s)""".formatted(Quarantine.notQuarantined(SalesSources.OPPORTUNITIES));

    private static final String DELETE_HISTORY = """
            delete from silver.retail_sales_opportunity_history h where h.opportunity_id in (%s)""";

    private static final String INSERT_HISTORY = """
            with ids as (%s), %s,
            w as (
              select v.opportunity_id, v.bronze_id, v.eff, v.stage, v.amount, v.effective_probability,
                     v.expected_close_date,
                     lag(v.stage) over o as stage_from, lag(v.amount) over o as amount_from,
                     lag(v.effective_probability) over o as probability_from,
                     lag(v.expected_close_date) over o as close_date_from, row_number() over o as n
              from v window o as (partition by v.opportunity_id order by v.eff, v.bronze_id))
            insert into silver.retail_sales_opportunity_history (opportunity_id, bronze_id, changed_at, stage_from,
                stage_to, amount_from, amount_to, probability_from, probability_to, close_date_from, close_date_to)
            select opportunity_id, bronze_id, eff, stage_from, stage, amount_from, amount, probability_from,
                   effective_probability, close_date_from, expected_close_date
            from w
            where n = 1 or stage is distinct from stage_from or amount is distinct from amount_from
               or effective_probability is distinct from probability_from
               or expected_close_date is distinct from close_date_from""";

    private static final String UPSERT_GOLDEN = """
            with ids as (%s), %s,
            agg as (
              select opportunity_id, count(*) as version_count, min(bronze_id) as first_bronze_id,
                     min(created_date) as created_date, min(eff) as first_eff,
                     min(eff) filter (where stage = 'Closed Won') as first_won_at
              from v group by opportunity_id),
            newest as (
              select distinct on (opportunity_id) * from v order by opportunity_id, eff desc, bronze_id desc),
            entered as (
              select h.opportunity_id, max(h.changed_at) as stage_entered_at
              from silver.retail_sales_opportunity_history h join ids on ids.opportunity_id = h.opportunity_id
              where h.stage_from is distinct from h.stage_to group by h.opportunity_id)
            insert into silver.retail_sales_opportunity_golden as g (opportunity_id, account_id, lead_id, owner_id,
                stage, amount, currency, probability, expected_close_date, product_interest, lead_source, campaign_id,
                competitive_threat, loss_reason, created_date, stage_entered_at, closed_date, won_date, is_closed,
                is_won, version_count, first_bronze_id, last_bronze_id, last_changed_at, updated_at)
            select n.opportunity_id, n.account_id, n.lead_id, n.owner_id, n.stage, n.amount, coalesce(n.currency, 'EUR'),
                   n.effective_probability, n.expected_close_date, n.product_interest, n.lead_source, n.campaign_id,
                   n.competitive_threat, n.loss_reason,
                   coalesce(a.created_date, (a.first_eff at time zone 'UTC')::date), e.stage_entered_at,
                   case when s.is_closed then (e.stage_entered_at at time zone 'UTC')::date end,
                   (a.first_won_at at time zone 'UTC')::date, s.is_closed, s.is_won, a.version_count,
                   a.first_bronze_id, n.bronze_id, n.eff, now()
            from newest n
            join agg a on a.opportunity_id = n.opportunity_id
            join entered e on e.opportunity_id = n.opportunity_id
            join gold.dim_sales_stage s on s.stage_name = n.stage
            on conflict (opportunity_id) do update set account_id = excluded.account_id, lead_id = excluded.lead_id,
                owner_id = excluded.owner_id, stage = excluded.stage, amount = excluded.amount,
                currency = excluded.currency, probability = excluded.probability,
                expected_close_date = excluded.expected_close_date, product_interest = excluded.product_interest,
                lead_source = excluded.lead_source, campaign_id = excluded.campaign_id,
                competitive_threat = excluded.competitive_threat, loss_reason = excluded.loss_reason,
                created_date = excluded.created_date, stage_entered_at = excluded.stage_entered_at,
                closed_date = excluded.closed_date, won_date = excluded.won_date, is_closed = excluded.is_closed,
                is_won = excluded.is_won, version_count = excluded.version_count,
                first_bronze_id = excluded.first_bronze_id, last_bronze_id = excluded.last_bronze_id,
                last_changed_at = excluded.last_changed_at, updated_at = excluded.updated_at""";

    
    @Override
    public String source() {
        return SalesSources.OPPORTUNITIES.name();
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        Tuple batch = batches.tuple();
        return Uni.createFrom().voidItem()
                .call(() -> tx.preparedQuery(DELETE_HISTORY.formatted(BATCH_IDS)).execute(batch))
                .call(() -> tx.preparedQuery(INSERT_HISTORY.formatted(BATCH_IDS, VERSIONS)).execute(batch))
                .call(() -> tx.preparedQuery(UPSERT_GOLDEN.formatted(BATCH_IDS, VERSIONS)).execute(batch))
                .replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.retail_sales_opportunity_golden, silver.retail_sales_opportunity_history";
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("truncate silver.retail_sales_opportunity_history, silver.retail_sales_opportunity_golden")
                .execute()
                .call(() -> tx.query(INSERT_HISTORY.formatted(ALL_IDS, VERSIONS)).execute())
                .call(() -> tx.query(UPSERT_GOLDEN.formatted(ALL_IDS, VERSIONS)).execute())
                .replaceWithVoid();
    }
}
