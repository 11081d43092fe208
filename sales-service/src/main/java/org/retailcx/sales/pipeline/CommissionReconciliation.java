package org.retailcx.sales.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.LayerRebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code silver.retail_sales_commission_reconciled}: the engine's net commission vs what the compensation system
 * reported, per (rep, opportunity, type), summed over periods (a clawback may be reported in a later period than
 * the win). A reported {@code Clawback} line counts against the type the engine computed for that rep and
 * opportunity. Differences up to 0.01 match. Refreshed for the (rep, opportunity) pairs either side touched.
 */
@ApplicationScoped
public class CommissionReconciliation implements LayerRebuild {

    public static final String TOLERANCE = "0.01";

    private static final String RECONCILE = """
            with pairs as (%s),
            computed as (
                select l.rep_id, l.opportunity_id, l.commission_type, min(l.period) as period,
                       min(l.won_date) as period_date, sum(l.amount) as amount
                from silver.retail_sales_commission_line l
                join pairs p on p.rep_id = l.rep_id and p.opportunity_id = l.opportunity_id
                group by l.rep_id, l.opportunity_id, l.commission_type),
            reported as (
                select c.rep_id, coalesce(c.opportunity_id, '') as opportunity_id,
                       case when c.commission_type = 'Clawback' then coalesce(
                           (select k.commission_type from computed k
                            where k.rep_id = c.rep_id and k.opportunity_id = c.opportunity_id
                            order by k.commission_type limit 1), 'Clawback')
                            else c.commission_type end as commission_type,
                       c.period, c.period_start, c.amount, c.paid, c.commission_id
                from silver.retail_sales_commission_reported c
                join pairs p on p.rep_id = c.rep_id and p.opportunity_id = coalesce(c.opportunity_id, '')),
            reported_sum as (
                select rep_id, opportunity_id, commission_type, min(period) as period,
                       min(period_start) as period_date, sum(amount) as amount, bool_and(coalesce(paid, false)) as paid,
                       array_agg(commission_id order by commission_id) as ids
                from reported group by rep_id, opportunity_id, commission_type)
            insert into silver.retail_sales_commission_reconciled (rep_id, opportunity_id, commission_type, period,
                period_date, computed_amount, reported_amount, difference, status, paid, reported_commission_ids)
            select coalesce(c.rep_id, r.rep_id), coalesce(c.opportunity_id, r.opportunity_id),
                   coalesce(c.commission_type, r.commission_type), coalesce(c.period, r.period),
                   coalesce(c.period_date, r.period_date), c.amount, r.amount,
                   coalesce(c.amount, 0) - coalesce(r.amount, 0),
                   case when r.rep_id is null and c.amount = 0 then 'matched'
                        when r.rep_id is null then 'missing-in-compensation-system'
                        when c.rep_id is null then 'not-computed-by-engine'
                        when abs(c.amount - r.amount) <= %s then 'matched'
                        else 'amount-mismatch' end,
                   r.paid, coalesce(r.ids, '{}')
            from computed c
            full join reported_sum r on r.rep_id = c.rep_id and r.opportunity_id = c.opportunity_id
                                    and r.commission_type = c.commission_type""";

    private static final String GIVEN_PAIRS = "select distinct rep_id, coalesce(opportunity_id, '') as opportunity_id"
            + " from unnest($1::text[], $2::text[]) p(rep_id, opportunity_id)";

    /**
     * Recomputes the rows of the given (rep, opportunity) pairs; a null opportunity means a reported one without.
     * Engine and reported-commission batches touching the same rep take turns (rep locks in order: no deadlock).
     */
    public Uni<Void> refresh(SqlConnection tx, String[] repIds, String[] opportunityIds) {
        Tuple pairs = Tuple.of(repIds, opportunityIds);
        return tx.preparedQuery("""
                select count(pg_advisory_xact_lock(hashtextextended('sales.reconciliation:' || rep_id, 0)))
                from (select distinct rep_id from unnest($1::text[]) rep_id order by 1) reps""")
                .execute(Tuple.of(repIds))
                .chain(() -> tx.preparedQuery("delete from silver.retail_sales_commission_reconciled r using ("
                        + GIVEN_PAIRS + ") p where r.rep_id = p.rep_id and r.opportunity_id = p.opportunity_id")
                        .execute(pairs))
                .chain(() -> tx.preparedQuery(RECONCILE.formatted(GIVEN_PAIRS, TOLERANCE)).execute(pairs))
                .replaceWithVoid();
    }

    @Override
    public String name() {
        return "silver.retail_sales_commission_reconciled";
    }

    /** After the ledger (290) and the reported commissions (150). */
    @Override
    public int order() {
        return 295;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("truncate silver.retail_sales_commission_reconciled").execute()
                .chain(() -> tx.query(RECONCILE.formatted("""
                        select rep_id, opportunity_id from silver.retail_sales_commission_line
                        union select rep_id, coalesce(opportunity_id, '') from silver.retail_sales_commission_reported""",
                        TOLERANCE)).execute())
                .replaceWithVoid();
    }
}
