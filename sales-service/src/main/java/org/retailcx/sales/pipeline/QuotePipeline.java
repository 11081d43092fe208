package org.retailcx.sales.pipeline;


import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;

import org.retailcx.platform.medallion.LayerRebuild;

import org.retailcx.platform.medallion.Quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Quotes: data-quality rules, then the current state per quote from its newest valid version. */
@ApplicationScoped
public class QuotePipeline implements BronzeListener, LayerRebuild {

    static final String CURRENT = """
            insert into silver.retail_sales_quote_current (quote_id, opportunity_id, product, quoted_amount,
                quoted_rate, currency, status, issued_date, expiration_date, terms, version_count, last_bronze_id)
            select distinct on (b.quote_id) b.quote_id, b.opportunity_id, b.product, b.quoted_amount, b.quoted_rate,
                   b.currency, b.status, b.issued_date, b.expiration_date, b.terms,
                   (select count(*) from bronze.retail_sales_quotes v where v.quote_id = b.quote_id), b.bronze_id
            from bronze.retail_sales_quotes b
            where %s and %s
            order by b.quote_id, b.bronze_id desc
            on conflict (quote_id) do update set opportunity_id = excluded.opportunity_id, product = excluded.product,
                quoted_amount = excluded.quoted_amount, quoted_rate = excluded.quoted_rate,
                currency = excluded.currency, status = excluded.status, issued_date = excluded.issued_date,
                expiration_date = excluded.expiration_date, terms = excluded.terms,
                version_count = excluded.version_count, last_bronze_id = excluded.last_bronze_id, updated_at = now()
            where excluded.last_bronze_id >= silver.retail_sales_quote_current.last_bronze_id""";

    static final String VALID = Quarantine.notQuarantined(SalesSources.QUOTES);

    
    @Override
    public String source() {
        return SalesSources.QUOTES.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return Uni.createFrom().voidItem()
                .chain(() -> tx.preparedQuery(CURRENT.formatted("b.batch_id = any($1)", VALID)).execute(batches.tuple()))
                .replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.retail_sales_quote_current";
    }

    @Override
    public int order() {
        return 160;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query("truncate silver.retail_sales_quote_current").execute()
                .chain(() -> tx.query(CURRENT.formatted("true", VALID)).execute())
                .replaceWithVoid();
    }
}
