package org.retailcx.sales.pipeline;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.sales.ingest.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Sales and marketing costs → quarantine or {@code silver.retail_sales_cost} (newest valid version per cost id). */
@ApplicationScoped
public class CostPipeline implements BronzeListener, LayerRebuild {

    public static final List<DataQualityRule> RULES = List.of(
            new DataQualityRule("amount.required", "amount", "b.amount is null", "'amount is missing'"),
            new DataQualityRule("amount.non-negative", "amount", "b.amount < 0", "'negative amount ' || b.amount"),
            new DataQualityRule("costCategory.known", "costCategory", "b.cost_category not in ('sales', 'marketing')",
                    "'unknown cost category ' || b.cost_category || ' (sales or marketing)'"),
            new DataQualityRule("period.format", "period", "b.period !~ '^\\d{4}-(0[1-9]|1[0-2])$'",
                    "'period ' || b.period || ' is not a month such as 2026-11'"));

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

    private final Quarantine quarantine;

    public CostPipeline(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public String source() {
        return SalesSources.COSTS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, UUID batchId) {
        return quarantine.check(tx, SalesSources.COSTS, batchId, RULES)
                .chain(() -> tx.preparedQuery(UPSERT.formatted("b.batch_id = $1",
                        Quarantine.notQuarantined(SalesSources.COSTS))).execute(Tuple.of(batchId)))
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
