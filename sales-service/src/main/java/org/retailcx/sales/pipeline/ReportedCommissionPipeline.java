package org.retailcx.sales.pipeline;

import java.util.ArrayList;
import java.util.List;

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
 * Reported commissions → quarantine or {@code silver.retail_sales_commission_reported} (newest valid version per
 * commission id), then the reconciliation of the (rep, opportunity) pairs the batch touched, before and after.
 */
@ApplicationScoped
public class ReportedCommissionPipeline implements BronzeListener, LayerRebuild {

    /** Types the compensation system reports; only a Clawback may be negative. */

    /** First day of a period label (validated by period.format). */
    static final String PERIOD_START = """
            case when b.period ~ 'Q' then make_date(left(b.period, 4)::int, (right(b.period, 1)::int - 1) * 3 + 1, 1)
                 when length(b.period) = 4 then make_date(b.period::int, 1, 1)
                 else (b.period || '-01')::date end""";

    private static final String UPSERT = """
            insert into silver.retail_sales_commission_reported (commission_id, rep_id, opportunity_id, commission_type,
                amount, currency, period, period_start, paid, paid_date, last_bronze_id)
            select distinct on (b.commission_id) b.commission_id, b.rep_id, b.opportunity_id, b.commission_type,
                   b.amount, b.currency, b.period, %s, b.paid, b.paid_date, b.bronze_id
            from bronze.retail_sales_commissions b
            where %s and %s
            order by b.commission_id, b.bronze_id desc
            on conflict (commission_id) do update set rep_id = excluded.rep_id,
                opportunity_id = excluded.opportunity_id, commission_type = excluded.commission_type,
                amount = excluded.amount, currency = excluded.currency, period = excluded.period,
                period_start = excluded.period_start, paid = excluded.paid, paid_date = excluded.paid_date,
                last_bronze_id = excluded.last_bronze_id, updated_at = now()
            where silver.retail_sales_commission_reported.last_bronze_id < excluded.last_bronze_id""";

    private final CommissionReconciliation reconciliation;

    public ReportedCommissionPipeline(CommissionReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public String source() {
        return SalesSources.COMMISSIONS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        List<String> reps = new ArrayList<>();
        List<String> opportunities = new ArrayList<>();
        Tuple batch = batches.tuple();
        return tx.preparedQuery("""
                select rep_id, opportunity_id from silver.retail_sales_commission_reported
                where commission_id in (select commission_id from bronze.retail_sales_commissions where batch_id = any($1))
                union
                select rep_id, opportunity_id from bronze.retail_sales_commissions where batch_id = any($1)""")
                .execute(batch)
                .invoke(rows -> rows.forEach(r -> {
                    reps.add(r.getString(0));
                    opportunities.add(r.getString(1));
                }))
                .chain(() -> tx.preparedQuery(UPSERT.formatted(PERIOD_START, "b.batch_id = any($1)",
                        Quarantine.notQuarantined(SalesSources.COMMISSIONS))).execute(batch))
                .chain(() -> reconciliation.refresh(tx, reps.toArray(String[]::new),
                        opportunities.toArray(String[]::new)))
                .replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.retail_sales_commission_reported";
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("truncate silver.retail_sales_commission_reported").execute()
                .chain(() -> tx.query(UPSERT.formatted(PERIOD_START, "true",
                        Quarantine.notQuarantined(SalesSources.COMMISSIONS))).execute())
                .replaceWithVoid();
    }
}
