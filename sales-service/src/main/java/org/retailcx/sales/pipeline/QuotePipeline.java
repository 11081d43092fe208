package org.retailcx.sales.pipeline;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.sales.ingest.BronzeListener;
import org.retailcx.sales.ingest.SalesSources;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Quotes: data-quality rules, then the current state per quote from its newest valid version. */
@ApplicationScoped
public class QuotePipeline implements BronzeListener, LayerRebuild {

    static final List<DataQualityRule> RULES = List.of(
            new DataQualityRule("status.known", "status", "b.status not in ('Draft', 'Sent', 'Accepted', 'Rejected')",
                    "'unknown quote status ' || b.status"),
            new DataQualityRule("quotedAmount.non-negative", "quotedAmount", "b.quoted_amount < 0",
                    "'amount must not be negative, got ' || b.quoted_amount"),
            new DataQualityRule("quotedRate.range", "quotedRate", "b.quoted_rate not between 0 and 100",
                    "'rate must be 0-100, got ' || b.quoted_rate"),
            new DataQualityRule("expirationDate.after-issued", "expirationDate", "b.expiration_date < b.issued_date",
                    "'expires ' || b.expiration_date || ', before it was issued ' || b.issued_date"));

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

    private final Quarantine quarantine;

    public QuotePipeline(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public String source() {
        return SalesSources.QUOTES.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, UUID batchId) {
        return quarantine.check(tx, SalesSources.QUOTES, batchId, RULES)
                .chain(() -> tx.preparedQuery(CURRENT.formatted("b.batch_id = $1", VALID)).execute(Tuple.of(batchId)))
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
