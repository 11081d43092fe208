package org.retailcx.sales.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.LayerRebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@code gold.fact_sales_commissions}: one row per ledger line, keyed to the rep version in force on its date. */
@ApplicationScoped
public class CommissionFacts implements LayerRebuild {

    private static final String INSERT = """
            insert into gold.fact_sales_commissions (line_id, date_key, rep_key, rep_id, product_key, commission_type,
                line_kind, is_clawback, period, opportunity_id, account_id, amount, deal_amount, base_rate, multiplier)
            select l.line_id, to_char(l.line_date, 'YYYYMMDD')::integer, r.rep_key, l.rep_id,
                   coalesce(p.product_key, unknown.product_key), l.commission_type, l.line_kind,
                   l.line_kind = 'clawback', l.period, l.opportunity_id, l.account_id, l.amount, l.deal_amount,
                   l.base_rate, l.multiplier
            from silver.retail_sales_commission_line l
            left join lateral (select %s as rep_key) r on true
            left join gold.dim_product p on p.product_code = l.product
            cross join (select product_key from gold.dim_product where product_code = 'unknown') unknown
            where %%s""".formatted(RepVersions.keyOn("l.rep_id", "l.line_date"));

    static Uni<Void> insert(SqlConnection tx, Long[] lineIds) {
        return tx.preparedQuery(INSERT.formatted("l.line_id = any($1)")).execute(Tuple.of(lineIds)).replaceWithVoid();
    }

    @Override
    public String name() {
        return "gold.fact_sales_commissions";
    }

    @Override
    public int order() {
        return 350;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("truncate gold.fact_sales_commissions").execute()
                .chain(() -> tx.query(INSERT.formatted("true")).execute()).replaceWithVoid();
    }
}
