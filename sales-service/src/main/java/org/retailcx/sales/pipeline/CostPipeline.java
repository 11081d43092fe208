package org.retailcx.sales.pipeline;


import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;

import org.retailcx.platform.medallion.LayerRebuild;

import org.retailcx.platform.medallion.Quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Sales and marketing costs → quarantine or {@code silver.retail_sales_cost} (newest valid version per cost id). */
@ApplicationScoped
public class CostPipeline implements BronzeListener, LayerRebuild {

    private static final String UPSERT = """
            insert into silver.retail_sales_cost (cost_id, period, period_start, campaign_id, cost_category, amount,
                currency, last_bronze_id)
            select distinct on (b.cost_id) b.cost_id, b.period, (b.period || '-01')::date, b.campaign_id,
                   b.cost_category, b.amount, b.currency, b.bronze_id
            from bronze.retail_sales_costs b
            where %s and %s
            order by b.cost_id, b.bronze_id desc
            on conflict (cost_id) do update set period = excluded.period, period_start = excluded.period_start,
                campaign_id = excluded.campaign_id, cost_category = excluded.cost_category, amount = excluded.amount,
                currency = excluded.currency, last_bronze_id = excluded.last_bronze_id, updated_at = now()
            where silver.retail_sales_cost.last_bronze_id < excluded.last_bronze_id""";

    
    @Override
    public String source() {
        return SalesSources.COSTS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return Uni.createFrom().voidItem()
                .chain(() -> tx.preparedQuery(UPSERT.formatted("b.batch_id = any($1)",
                        Quarantine.notQuarantined(SalesSources.COSTS))).execute(batches.tuple()))
                .replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.retail_sales_cost";
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("truncate silver.retail_sales_cost").execute()
                .chain(() -> tx.query(UPSERT.formatted("true", Quarantine.notQuarantined(SalesSources.COSTS)))
                        .execute())
                .replaceWithVoid();
    }
}
