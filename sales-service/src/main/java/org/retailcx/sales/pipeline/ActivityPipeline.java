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
 * Activities from bronze to {@code silver.retail_sales_activity_enriched} and {@code gold.fact_sales_activities},
 * set-based per batch: attributed to the opportunity, the golden lead (the activity's lead, else the opportunity's),
 * the rep's SCD2 row valid on the activity date, and the campaign (the opportunity's, else the lead's).
 */
@ApplicationScoped
public class ActivityPipeline implements BronzeListener {

    /** Newest valid version per activity of the selected bronze rows, enriched. */
    static final String ENRICH = """
            insert into silver.retail_sales_activity_enriched (activity_id, activity_type, opportunity_id, lead_id,
                golden_lead_id, account_id, rep_id, rep_key, campaign_id, subject, outcome, activity_date,
                completed_at, duration_minutes, last_bronze_id, updated_at)
            select a.activity_id, a.activity_type, a.opportunity_id, a.lead_id,
                   coalesce(x.golden_lead_id, xo.golden_lead_id), coalesce(a.account_id, o.account_id),
                   a.completed_by, r.rep_key, coalesce(o.campaign_id, g.campaign_id), a.subject, a.outcome,
                   a.activity_date, a.completed_date, a.duration_minutes, a.bronze_id, now()
            from (select distinct on (b.activity_id) b.*,
                         coalesce(b.completed_date, b.received_at)::date as activity_date
                  from bronze.retail_sales_activities b
                  where %%s and %%s
                  order by b.activity_id, b.bronze_id desc) a
            left join silver.retail_sales_opportunity_golden o on o.opportunity_id = a.opportunity_id
            left join silver.retail_sales_lead_crosswalk x on x.source_lead_id = a.lead_id
            left join silver.retail_sales_lead_crosswalk xo on xo.source_lead_id = o.lead_id
            left join silver.retail_sales_lead_golden g on g.golden_lead_id = coalesce(x.golden_lead_id, xo.golden_lead_id)
            left join lateral (select %s as rep_key) r on true
            on conflict (activity_id) do update set activity_type = excluded.activity_type,
                opportunity_id = excluded.opportunity_id, lead_id = excluded.lead_id,
                golden_lead_id = excluded.golden_lead_id, account_id = excluded.account_id, rep_id = excluded.rep_id,
                rep_key = excluded.rep_key, campaign_id = excluded.campaign_id, subject = excluded.subject,
                outcome = excluded.outcome, activity_date = excluded.activity_date,
                completed_at = excluded.completed_at, duration_minutes = excluded.duration_minutes,
                last_bronze_id = excluded.last_bronze_id, updated_at = now()
            where excluded.last_bronze_id >= silver.retail_sales_activity_enriched.last_bronze_id""".formatted(
            RepVersions.keyOn("a.completed_by", "a.activity_date"));

    static final String CAMPAIGNS = """
            insert into gold.dim_campaign (campaign_id)
            select distinct e.campaign_id from silver.retail_sales_activity_enriched e
            where e.campaign_id is not null and %s on conflict (campaign_id) do nothing""";

    static final String FACT = """
            insert into gold.fact_sales_activities (activity_id, date_key, rep_key, rep_id, activity_type_key,
                campaign_key, opportunity_id, golden_lead_id, account_id, outcome, duration_minutes)
            select e.activity_id, to_char(e.activity_date, 'YYYYMMDD')::integer, e.rep_key, e.rep_id, t.activity_type_key,
                   c.campaign_key, e.opportunity_id, e.golden_lead_id, e.account_id, e.outcome, e.duration_minutes
            from silver.retail_sales_activity_enriched e
            join gold.dim_activity_type t on t.activity_type = e.activity_type
            join gold.dim_campaign c on c.campaign_id = coalesce(e.campaign_id, 'none')
            where %s
            on conflict (activity_id) do update set date_key = excluded.date_key, rep_key = excluded.rep_key,
                rep_id = excluded.rep_id,
                activity_type_key = excluded.activity_type_key, campaign_key = excluded.campaign_key,
                opportunity_id = excluded.opportunity_id, golden_lead_id = excluded.golden_lead_id,
                account_id = excluded.account_id, outcome = excluded.outcome,
                duration_minutes = excluded.duration_minutes""";

    /** Re-resolves the rep's SCD2 row valid on the activity date, for the selected activities ({@code a}). */
    static final String REP_KEYS = """
            update silver.retail_sales_activity_enriched e set rep_key = r.rep_key
            from silver.retail_sales_activity_enriched a
            cross join lateral (select %s as rep_key) r
            where %%s and e.activity_id = a.activity_id and e.rep_key is distinct from r.rep_key""".formatted(
            RepVersions.keyOn("a.rep_id", "a.activity_date"));

    static final String VALID = Quarantine.notQuarantined(SalesSources.ACTIVITIES);
    static final String IN_BATCH = "e.activity_id in (select activity_id from bronze.retail_sales_activities"
            + " where batch_id = any($1))";

    
    @Override
    public String source() {
        return SalesSources.ACTIVITIES.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        Tuple batch = batches.tuple();
        return Uni.createFrom().voidItem()
                .chain(() -> tx.preparedQuery(ENRICH.formatted("b.batch_id = any($1)", VALID)).execute(batch))
                .chain(() -> tx.preparedQuery(CAMPAIGNS.formatted(IN_BATCH)).execute(batch))
                .chain(() -> tx.preparedQuery(FACT.formatted(IN_BATCH)).execute(batch))
                .replaceWith(0);
    }

    /**
     * Re-attributes the activities already enriched for these leads or opportunities, for when a lead or an
     * opportunity arrives after its activities.
     */
    public Uni<Void> reattribute(SqlConnection tx, String[] leadIds, String[] opportunityIds) {
        Tuple ids = Tuple.of(leadIds, opportunityIds);
        String affected = "(select activity_id from silver.retail_sales_activity_enriched"
                + " where lead_id = any($1) union select activity_id from silver.retail_sales_activity_enriched"
                + " where opportunity_id = any($2))";
        return tx.preparedQuery(ENRICH.formatted("b.activity_id in " + affected, VALID)).execute(ids)
                .chain(() -> tx.preparedQuery(CAMPAIGNS.formatted("e.activity_id in " + affected)).execute(ids))
                .chain(() -> tx.preparedQuery(FACT.formatted("e.activity_id in " + affected)).execute(ids))
                .replaceWithVoid();
    }

    /** Points these reps' activities at the SCD2 row valid on each activity date, after the reps changed. */
    public Uni<Void> refreshReps(SqlConnection tx, String[] repIds) {
        Tuple reps = Tuple.of((Object) repIds);
        return tx.preparedQuery(REP_KEYS.formatted("a.rep_id = any($1)")).execute(reps)
                .chain(() -> tx.preparedQuery("""
                        update gold.fact_sales_activities f set rep_key = e.rep_key
                        from silver.retail_sales_activity_enriched e
                        where e.activity_id = f.activity_id and e.rep_id = any($1)
                          and f.rep_key is distinct from e.rep_key""").execute(reps))
                .replaceWithVoid();
    }

    @ApplicationScoped
    public static class EnrichedRebuild implements LayerRebuild {

        @Override
        public String name() {
            return "silver.retail_sales_activity_enriched";
        }

        @Override
        public int order() {
            return 150; // after golden leads and opportunities
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query("truncate silver.retail_sales_activity_enriched").execute()
                    .chain(() -> tx.query(ENRICH.formatted("true", VALID)).execute())
                    .replaceWithVoid();
        }
    }

    @ApplicationScoped
    public static class FactRebuild implements LayerRebuild {

        @Override
        public String name() {
            return "gold.fact_sales_activities";
        }

        @Override
        public int order() {
            return 310;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            // the rep dimension was rebuilt after the enriched activities: resolve their rep keys again first
            return tx.query(REP_KEYS.formatted("true")).execute()
                    .chain(() -> tx.query("truncate gold.fact_sales_activities").execute())
                    .chain(() -> tx.query(CAMPAIGNS.formatted("true")).execute())
                    .chain(() -> tx.query(FACT.formatted("true")).execute())
                    .replaceWithVoid();
        }
    }
}
