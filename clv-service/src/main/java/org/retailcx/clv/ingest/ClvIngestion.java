package org.retailcx.clv.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.clv.api.CustomerRecord;
import org.retailcx.clv.api.IngestionReceipt;
import org.retailcx.clv.api.ProfitabilityRecord;
import org.retailcx.clv.api.TransactionRecord;
import org.retailcx.clv.pipeline.SilverPipeline;
import org.retailcx.platform.ingest.IngestionReader.Item;
import org.retailcx.schema.EventJson;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends received records to bronze (one set-based insert per batch, arrays unnested by PostgreSQL) and promotes
 * the batch to silver, all in the caller's transaction: a batch is stored completely or not at all.
 */
@ApplicationScoped
public class ClvIngestion {

    private final SilverPipeline pipeline;

    public ClvIngestion(SilverPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public Uni<IngestionReceipt> transactions(SqlConnection tx, String sourceSystem,
            List<Item<TransactionRecord>> items) {
        UUID batchId = UUID.randomUUID();
        int n = items.size();
        String[] ids = new String[n], payloads = new String[n], customers = new String[n], currencies = new String[n],
                products = new String[n];
        LocalDate[] dates = new LocalDate[n];
        BigDecimal[] amounts = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            TransactionRecord t = items.get(i).value();
            ids[i] = t.transactionId();
            payloads[i] = items.get(i).raw().toString();
            customers[i] = t.customerId();
            dates[i] = t.transactionDate();
            amounts[i] = t.amount();
            currencies[i] = t.currency();
            products[i] = t.product();
        }
        return tx.preparedQuery("""
                insert into bronze.retail_customer_transactions (source_system, source_record_id, batch_id, payload,
                    customer_id, transaction_date, amount, currency, product)
                select $1, r.id, $2, r.payload::jsonb, r.customer_id, r.d, r.amount, r.currency, r.product
                from unnest($3::text[], $4::text[], $5::text[], $6::date[], $7::numeric[], $8::text[], $9::text[])
                    with ordinality r(id, payload, customer_id, d, amount, currency, product, ord)
                order by r.ord""")
                .execute(Tuple.tuple().addValue(sourceSystem).addValue(batchId).addValue(ids).addValue(payloads)
                        .addValue(customers).addValue(dates).addValue(amounts).addValue(currencies)
                        .addValue(products))
                .chain(() -> pipeline.promoteTransactions(tx, batchId))
                .map(counts -> new IngestionReceipt(batchId, n, counts[0], counts[1]));
    }

    public Uni<IngestionReceipt> customers(SqlConnection tx, String sourceSystem, List<Item<CustomerRecord>> items) {
        UUID batchId = UUID.randomUUID();
        int n = items.size();
        String[] payloads = new String[n], customers = new String[n], segments = new String[n], channels = new String[n];
        LocalDate[] acquired = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            CustomerRecord c = items.get(i).value();
            payloads[i] = items.get(i).raw().toString();
            customers[i] = c.customerId();
            segments[i] = c.segment();
            channels[i] = c.acquisitionChannel();
            acquired[i] = c.acquiredOn();
        }
        return tx.preparedQuery("""
                insert into bronze.retail_customers (source_system, source_record_id, batch_id, payload, customer_id,
                    segment, acquisition_channel, acquired_on)
                select $1, r.customer_id, $2, r.payload::jsonb, r.customer_id, r.segment, r.channel, r.acquired
                from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::date[])
                    with ordinality r(payload, customer_id, segment, channel, acquired, ord)
                order by r.ord""")
                .execute(Tuple.tuple().addValue(sourceSystem).addValue(batchId).addValue(payloads)
                        .addValue(customers).addValue(segments).addValue(channels).addValue(acquired))
                .chain(() -> pipeline.promoteCustomers(tx, batchId))
                .map(accepted -> new IngestionReceipt(batchId, n, accepted, 0));
    }

    public Uni<IngestionReceipt> profitability(SqlConnection tx, String sourceSystem,
            List<Item<ProfitabilityRecord>> items) {
        UUID batchId = UUID.randomUUID();
        int n = items.size();
        String[] payloads = new String[n], customers = new String[n], currencies = new String[n],
                revenueBreakdowns = new String[n], costBreakdowns = new String[n];
        LocalDate[] dates = new LocalDate[n];
        BigDecimal[] revenue = new BigDecimal[n], cost = new BigDecimal[n], profit = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            ProfitabilityRecord p = items.get(i).value();
            payloads[i] = items.get(i).raw().toString();
            customers[i] = p.customerId();
            dates[i] = p.asOfDate();
            revenue[i] = p.revenueAmount();
            cost[i] = p.costAmount();
            profit[i] = p.profitAmount();
            currencies[i] = p.currency();
            revenueBreakdowns[i] = p.revenueBreakdown() == null ? null
                    : EventJson.mapper().valueToTree(p.revenueBreakdown()).toString();
            costBreakdowns[i] = p.costBreakdown() == null ? null
                    : EventJson.mapper().valueToTree(p.costBreakdown()).toString();
        }
        return tx.preparedQuery("""
                insert into bronze.retail_customer_profitability (source_system, source_record_id, batch_id, payload,
                    customer_id, as_of_date, revenue_amount, cost_amount, profit_amount, currency, revenue_breakdown,
                    cost_breakdown)
                select $1, r.customer_id || '@' || r.d, $2, r.payload::jsonb, r.customer_id, r.d, r.revenue, r.cost,
                    r.profit, r.currency, r.rb::jsonb, r.cb::jsonb
                from unnest($3::text[], $4::text[], $5::date[], $6::numeric[], $7::numeric[], $8::numeric[],
                    $9::text[], $10::text[], $11::text[])
                    with ordinality r(payload, customer_id, d, revenue, cost, profit, currency, rb, cb, ord)
                order by r.ord""")
                .execute(Tuple.tuple().addValue(sourceSystem).addValue(batchId).addValue(payloads)
                        .addValue(customers).addValue(dates).addValue(revenue).addValue(cost).addValue(profit)
                        .addValue(currencies).addValue(revenueBreakdowns).addValue(costBreakdowns))
                .chain(() -> pipeline.promoteProfitability(tx, batchId))
                .map(counts -> new IngestionReceipt(batchId, n, counts[0], counts[1]));
    }
}
