package org.retailcx.sales.pipeline;


import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;
import org.retailcx.schema.EventCatalog;

import org.retailcx.platform.medallion.LayerRebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code gold.fact_sales_conversions}: per golden lead, its path to an opportunity and a won customer. The
 * opportunity of a lead is the one the lead names ({@code convertedOpportunityId}) or any opportunity whose
 * {@code leadId} is one of the golden lead's source leads; of several, a currently won one first, else the earliest
 * created. Won means won now: a win later cancelled has no won date here (as for CAC and commission types).
 * Refreshed when leads arrive and, through {@link OnOpportunities}, when their opportunities change; a row whose
 * figures did not change is not rewritten (most opportunity versions move a stage, not a conversion). A lead's rep
 * version is the one valid on the lead's creation, else (the lead predates the rep) the rep's first.
 */
@ApplicationScoped
public class ConversionFacts implements LayerRebuild {

    static final String REFRESH = """
            insert into gold.fact_sales_conversions as f (golden_lead_id, lead_created_date_key, lead_created_date,
                lead_source_key, campaign_key, product_key, rep_key, rep_id, is_qualified, opportunity_id,
                opportunity_created_date, won_date, is_lost, customer_id, days_lead_to_opportunity,
                days_opportunity_to_won, days_lead_to_won, score_probability, score_grade, is_converted)
            select g.golden_lead_id, to_char(g.created_date, 'YYYYMMDD')::integer, g.created_date,
                   coalesce(ls.lead_source_key, (select lead_source_key from gold.dim_lead_source where lead_source = 'Unknown')),
                   c.campaign_key,
                   coalesce(p.product_key, (select product_key from gold.dim_product where product_code = 'unknown')),
                   r.rep_key, coalesce(g.assigned_sales_rep, o.owner_id),
                   g.qualification_status in ('Qualified', 'Converted') or o.opportunity_id is not null,
                   o.opportunity_id, o.created_date, w.won_date, coalesce(o.is_closed and not o.is_won, false),
                   o.account_id, o.created_date - g.created_date, w.won_date - o.created_date,
                   w.won_date - g.created_date, g.score_probability, g.score_grade,
                   o.opportunity_id is not null or g.qualification_status = 'Converted'
            from silver.retail_sales_lead_golden g
            left join lateral (
                select * from (
                    select o.* from silver.retail_sales_opportunity_golden o
                    where o.opportunity_id = g.converted_opportunity_id
                    union all
                    select o.* from silver.retail_sales_lead_crosswalk x
                    join silver.retail_sales_opportunity_golden o on o.lead_id = x.source_lead_id
                    where x.golden_lead_id = g.golden_lead_id) o
                order by not coalesce(o.is_won, false), o.created_date, o.opportunity_id limit 1) o on true
            left join lateral (select case when o.is_won then o.won_date end as won_date) w on true
            left join gold.dim_lead_source ls on ls.lead_source = g.source
            left join gold.dim_campaign c on c.campaign_id = coalesce(g.campaign_id, o.campaign_id, 'none')
            left join gold.dim_product p on p.product_code = coalesce(o.product_interest, g.product_interest)
            left join lateral (select %s as rep_key) r on true
            where %%s
            on conflict (golden_lead_id) do update set lead_created_date_key = excluded.lead_created_date_key,
                lead_created_date = excluded.lead_created_date, lead_source_key = excluded.lead_source_key,
                campaign_key = excluded.campaign_key, product_key = excluded.product_key, rep_key = excluded.rep_key,
                rep_id = excluded.rep_id, is_qualified = excluded.is_qualified, opportunity_id = excluded.opportunity_id,
                opportunity_created_date = excluded.opportunity_created_date, won_date = excluded.won_date,
                is_lost = excluded.is_lost, customer_id = excluded.customer_id,
                days_lead_to_opportunity = excluded.days_lead_to_opportunity,
                days_opportunity_to_won = excluded.days_opportunity_to_won, days_lead_to_won = excluded.days_lead_to_won,
                score_probability = excluded.score_probability, score_grade = excluded.score_grade,
                is_converted = excluded.is_converted
            where (f.lead_created_date, f.lead_source_key, f.campaign_key, f.product_key, f.rep_key, f.rep_id,
                   f.is_qualified, f.opportunity_id, f.opportunity_created_date, f.won_date, f.is_lost, f.customer_id,
                   f.score_probability, f.score_grade, f.is_converted)
                  is distinct from (excluded.lead_created_date, excluded.lead_source_key, excluded.campaign_key,
                   excluded.product_key, excluded.rep_key, excluded.rep_id, excluded.is_qualified,
                   excluded.opportunity_id, excluded.opportunity_created_date, excluded.won_date, excluded.is_lost,
                   excluded.customer_id, excluded.score_probability, excluded.score_grade, excluded.is_converted)""".formatted(
            RepVersions.keyOn("coalesce(g.assigned_sales_rep, o.owner_id)", "g.created_date"));

    /** Campaigns first seen on a lead join the conformed campaign dimension. */
    static final String CAMPAIGNS = """
            insert into gold.dim_campaign (campaign_id)
            select distinct g.campaign_id from silver.retail_sales_lead_golden g
            where g.campaign_id is not null and %s on conflict (campaign_id) do nothing""";

    private final Outbox outbox;

    public ConversionFacts(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> refresh(SqlConnection tx, Long[] goldenIds) {
        Tuple ids = Tuple.of((Object) goldenIds);
        return tx.preparedQuery(CAMPAIGNS.formatted("g.golden_lead_id = any($1)")).execute(ids)
                .chain(() -> tx.preparedQuery(REFRESH.formatted("g.golden_lead_id = any($1)")).execute(ids))
                .replaceWithVoid();
    }

    /** Queues lead.converted for each of these golden leads that reached an opportunity and was not announced. */
    public Uni<Integer> queueConverted(SqlConnection tx, Long[] goldenIds) {
        Tuple ids = Tuple.of((Object) goldenIds);
        return outbox.appendAll(tx, EventCatalog.SALES_LEAD_CONVERTED, """
                select g.golden_lead_id::text as subject, coalesce(f.customer_id, g.golden_lead_id::text) as record_key,
                       jsonb_strip_nulls(jsonb_build_object('goldenLeadId', g.golden_lead_id::text,
                           'opportunityId', f.opportunity_id, 'customerId', f.customer_id, 'source', g.source,
                           'campaignId', g.campaign_id, 'leadCreatedDate', g.created_date)) as data
                from silver.retail_sales_lead_golden g
                join gold.fact_sales_conversions f on f.golden_lead_id = g.golden_lead_id
                where g.golden_lead_id = any($1) and f.opportunity_id is not null
                  and g.converted_announced_at is null""", ids)
                .call(() -> tx.preparedQuery("""
                        update silver.retail_sales_lead_golden g set converted_announced_at = now()
                        from gold.fact_sales_conversions f
                        where f.golden_lead_id = g.golden_lead_id and g.golden_lead_id = any($1)
                          and f.opportunity_id is not null and g.converted_announced_at is null""").execute(ids))
                .map(Long::intValue);
    }

    @Override
    public String name() {
        return "gold.fact_sales_conversions";
    }

    @Override
    public int order() {
        return 320;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("truncate gold.fact_sales_conversions").execute()
                .chain(() -> tx.query(CAMPAIGNS.formatted("true")).execute())
                .chain(() -> tx.query(REFRESH.formatted("true")).execute())
                .replaceWithVoid();
    }

    /**
     * Keeps conversions current as opportunities move: runs after the opportunity pipeline has updated silver for
     * the batch, for the golden leads those opportunities belong to.
     */
    @ApplicationScoped
    public static class OnOpportunities implements BronzeListener {

        private final ConversionFacts facts;
        private final ActivityPipeline activities;

        public OnOpportunities(ConversionFacts facts, ActivityPipeline activities) {
            this.facts = facts;
            this.activities = activities;
        }

        @Override
        public String source() {
            return SalesSources.OPPORTUNITIES.name();
        }

        @Override
        public int order() {
            return 900;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery("select coalesce(array_agg(distinct opportunity_id), '{}') from"
                    + " bronze.retail_sales_opportunities where batch_id = any($1)").execute(batches.tuple())
                    .chain(rows -> activities.reattribute(tx, new String[0], rows.iterator().next().getArrayOfStrings(0)))
                    .chain(() -> linkedLeads(tx, batches));
        }

        private Uni<Integer> linkedLeads(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery("""
                    select array_agg(distinct golden_lead_id) from (
                        select x.golden_lead_id from bronze.retail_sales_opportunities b
                        join silver.retail_sales_lead_crosswalk x on x.source_lead_id = b.lead_id
                        where b.batch_id = any($1)
                        union all
                        select g.golden_lead_id from bronze.retail_sales_opportunities b
                        join silver.retail_sales_lead_golden g on g.converted_opportunity_id = b.opportunity_id
                        where b.batch_id = any($1)) linked""")
                    .execute(batches.tuple())
                    .chain(rows -> {
                        Long[] ids = rows.iterator().next().getArrayOfLongs(0);
                        if (ids == null || ids.length == 0) {
                            return Uni.createFrom().item(0);
                        }
                        return facts.refresh(tx, ids).chain(() -> facts.queueConverted(tx, ids));
                    });
        }
    }

    /** Keeps rep keys of conversions and activities current when reps (their SCD2 rows) change. */
    @ApplicationScoped
    public static class OnReps implements BronzeListener {

        private final ConversionFacts facts;
        private final ActivityPipeline activities;

        public OnReps(ConversionFacts facts, ActivityPipeline activities) {
            this.facts = facts;
            this.activities = activities;
        }

        @Override
        public String source() {
            return SalesSources.REPS.name();
        }

        @Override
        public int order() {
            return 900; // after the rep dimension
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery("select coalesce(array_agg(distinct rep_id), '{}') from bronze.retail_sales_reps"
                    + " where batch_id = any($1)").execute(batches.tuple())
                    .chain(rows -> {
                        String[] reps = rows.iterator().next().getArrayOfStrings(0);
                        return activities.refreshReps(tx, reps)
                                .chain(() -> tx.preparedQuery("""
                                        select coalesce(array_agg(golden_lead_id), '{}') from (
                                            select golden_lead_id from silver.retail_sales_lead_golden
                                            where assigned_sales_rep = any($1)
                                            union select golden_lead_id from gold.fact_sales_conversions
                                            where rep_id = any($1)) g""").execute(Tuple.of((Object) reps)))
                                .chain(ids -> facts.refresh(tx, ids.iterator().next().getArrayOfLongs(0)));
                    })
                    .replaceWith(0);
        }
    }
}
