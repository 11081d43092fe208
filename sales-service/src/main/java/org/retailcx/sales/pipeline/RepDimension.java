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
 * Bronze reps → {@code gold.dim_sales_rep}, SCD 2. Each valid version takes effect on
 * {@code coalesce(effective_date, received date)}; of several versions for the same day the newest wins; a version
 * that changes territory, team, quota, quota period, commission rate or plan, or active opens a new row and closes
 * the previous one (valid_to exclusive). Name, employee id, manager and hire date are type 1
 * (the newest version's value on every row). The affected reps' rows are recomputed from all their versions, keyed
 * by (rep, valid_from) so that surrogate keys held by facts survive; then their opportunities' facts are refreshed.
 */
@ApplicationScoped
public class RepDimension implements BronzeListener, LayerRebuild {

    static final String BATCH_REPS = "select distinct rep_id from bronze.retail_sales_reps where batch_id = any($1)";

    private static final String VERSIONS = """
            with ids as (%s),
            v as (
              select b.*, coalesce(b.effective_date, (b.received_at at time zone 'UTC')::date) as valid_from,
                     coalesce(b.crm_updated_at, b.received_at) as eff
              from bronze.retail_sales_reps b join ids on ids.rep_id = b.rep_id
              where %s),
            per_day as (
              select distinct on (rep_id, valid_from) * from v order by rep_id, valid_from, eff desc, bronze_id desc),
            tracked as (
              select p.*, row(territory_id, team, quota_amount, quota_period, commission_rate, commission_plan_id,
                              active)::text as attributes
              from per_day p),
            changes as (
              select t.*, lag(attributes) over (partition by rep_id order by valid_from) as previous from tracked t),
            kept as (select * from changes where previous is null or previous <> attributes),
            versions as (
              select k.*, coalesce(lead(valid_from) over (partition by rep_id order by valid_from),
                                   date '9999-12-31') as valid_to
              from kept k),
            latest as (
              select distinct on (rep_id) rep_id, employee_id, name, manager_id, hire_date from v
              order by rep_id, eff desc, bronze_id desc)""".formatted("%s",
            Quarantine.notQuarantined(SalesSources.REPS));

    private static final String CLOSE_CURRENT = """
            with ids as (%s)
            update gold.dim_sales_rep d set is_current = false from ids where d.rep_id = ids.rep_id and d.is_current""";

    private static final String DELETE_GONE = VERSIONS + """
            delete from gold.dim_sales_rep d using ids
            where d.rep_id = ids.rep_id and ids.rep_id in (select rep_id from versions)
              and not exists (select 1 from versions x where x.rep_id = d.rep_id and x.valid_from = d.valid_from)""";

    private static final String UPSERT = VERSIONS + """
            insert into gold.dim_sales_rep as d (rep_id, employee_id, name, territory_id, team, manager_id, quota_amount,
                quota_period, commission_rate, commission_plan_id, active, hire_date, valid_from, valid_to, is_current,
                source_bronze_id)
            select x.rep_id, l.employee_id, l.name, x.territory_id, x.team, l.manager_id, x.quota_amount, x.quota_period,
                   x.commission_rate, x.commission_plan_id, x.active, l.hire_date, x.valid_from, x.valid_to,
                   x.valid_to = date '9999-12-31', x.bronze_id
            from versions x join latest l on l.rep_id = x.rep_id
            on conflict (rep_id, valid_from) do update set employee_id = excluded.employee_id, name = excluded.name,
                territory_id = excluded.territory_id, team = excluded.team, manager_id = excluded.manager_id,
                quota_amount = excluded.quota_amount, quota_period = excluded.quota_period,
                commission_rate = excluded.commission_rate, commission_plan_id = excluded.commission_plan_id,
                active = excluded.active, hire_date = excluded.hire_date, valid_to = excluded.valid_to,
                is_current = excluded.is_current, source_bronze_id = excluded.source_bronze_id""";

    private final TerritoryDimension territories;
    private final OpportunityFacts facts;

    public RepDimension(TerritoryDimension territories, OpportunityFacts facts) {
        this.territories = territories;
        this.facts = facts;
    }

    @Override
    public String source() {
        return SalesSources.REPS.name();
    }

    /** Listener: after the rep batch reached bronze. Rebuild: a gold dimension, before the facts. */
    @Override
    public int order() {
        return 200;
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        Tuple batch = batches.tuple();
        return Uni.createFrom().voidItem()
                .call(() -> apply(tx, BATCH_REPS, batch))
                .call(() -> territories.resolveAssignedReps(tx, batches))
                .call(() -> facts.refresh(tx, "select g.opportunity_id from silver.retail_sales_opportunity_golden g"
                        + " where g.owner_id in (" + BATCH_REPS + ")", batch))
                .replaceWith(0);
    }

    private Uni<Void> apply(SqlConnection tx, String repIds, Tuple params) {
        return tx.preparedQuery(CLOSE_CURRENT.formatted(repIds)).execute(params)
                .call(() -> tx.preparedQuery(DELETE_GONE.formatted(repIds)).execute(params))
                .call(() -> tx.preparedQuery(UPSERT.formatted(repIds)).execute(params))
                .replaceWithVoid();
    }

    @Override
    public String name() {
        return "gold.dim_sales_rep";
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return apply(tx, "select distinct rep_id from bronze.retail_sales_reps", Tuple.tuple());
    }
}
