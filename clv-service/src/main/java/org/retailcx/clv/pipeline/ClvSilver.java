package org.retailcx.clv.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.clv.ingest.ClvSources;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.platform.medallion.Quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Bronze → silver golden records for clv's three sources, set-based: the newest valid version of each record wins
 * (transactions by source system and id, customers by id, profitability by customer and period). Quarantined rows
 * never get here.
 */
public final class ClvSilver {

    private ClvSilver() {
    }

    private static final String TRANSACTIONS = """
            with valid as (
                select distinct on (source_system, source_record_id) source_system, source_record_id, customer_id,
                       transaction_date, amount, currency, product, bronze_id
                from bronze.retail_customer_transactions b
                where %s and %s
                order by source_system, source_record_id, bronze_id desc),
            customers as (
                insert into silver.customer (customer_id)
                select distinct customer_id from valid on conflict do nothing)
            insert into silver.customer_transaction (source_system, source_record_id, customer_id,
                transaction_date, amount, currency, product, bronze_id)
            select source_system, source_record_id, customer_id, transaction_date, amount, currency,
                product, bronze_id from valid
            on conflict (source_system, source_record_id) do update set customer_id = excluded.customer_id,
                transaction_date = excluded.transaction_date, amount = excluded.amount,
                currency = excluded.currency, product = excluded.product, bronze_id = excluded.bronze_id""";

    private static final String CUSTOMERS = """
            insert into silver.customer (customer_id, segment, acquisition_channel, acquired_on, source_bronze_id)
            select distinct on (customer_id) customer_id, segment, acquisition_channel, acquired_on, bronze_id
            from bronze.retail_customers b where %s
            order by customer_id, bronze_id desc
            on conflict (customer_id) do update set segment = excluded.segment,
                acquisition_channel = excluded.acquisition_channel, acquired_on = excluded.acquired_on,
                source_bronze_id = excluded.source_bronze_id, updated_at = now()""";

    private static final String PROFITABILITY = """
            insert into silver.customer_profitability (customer_id, as_of_date, revenue_amount, cost_amount,
                profit_amount, acquisition_cost, revenue_breakdown, cost_breakdown, bronze_id)
            select distinct on (b.customer_id, b.as_of_date) b.customer_id, b.as_of_date, b.revenue_amount,
                b.cost_amount, b.revenue_amount - b.cost_amount,
                coalesce((b.cost_breakdown ->> 'acquisition')::numeric, 0), b.revenue_breakdown,
                b.cost_breakdown, b.bronze_id
            from bronze.retail_customer_profitability b
            where %s and %s
            order by b.customer_id, b.as_of_date, b.bronze_id desc
            on conflict (customer_id, as_of_date) do update set revenue_amount = excluded.revenue_amount,
                cost_amount = excluded.cost_amount, profit_amount = excluded.profit_amount,
                acquisition_cost = excluded.acquisition_cost,
                revenue_breakdown = excluded.revenue_breakdown, cost_breakdown = excluded.cost_breakdown,
                bronze_id = excluded.bronze_id""";

    private static final String IN_BATCHES = "b.batch_id = any($1)";

    @ApplicationScoped
    public static class Transactions implements BronzeListener, LayerRebuild {
        private static final String VALID = Quarantine.notQuarantined(ClvSources.TRANSACTIONS);

        @Override
        public String source() {
            return ClvSources.TRANSACTIONS.name();
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(TRANSACTIONS.formatted(IN_BATCHES, VALID)).execute(batches.tuple()).replaceWith(0);
        }

        @Override
        public String name() {
            return "silver.customer_transaction";
        }

        @Override
        public int order() {
            return 110;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query(TRANSACTIONS.formatted("true", VALID)).execute().replaceWithVoid();
        }
    }

    @ApplicationScoped
    public static class Customers implements BronzeListener, LayerRebuild {
        @Override
        public String source() {
            return ClvSources.CUSTOMERS.name();
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(CUSTOMERS.formatted(IN_BATCHES)).execute(batches.tuple()).replaceWith(0);
        }

        @Override
        public String name() {
            return "silver.customer";
        }

        @Override
        public int order() {
            return 100;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query(CUSTOMERS.formatted("true")).execute().replaceWithVoid();
        }
    }

    @ApplicationScoped
    public static class Profitability implements BronzeListener, LayerRebuild {
        private static final String VALID = Quarantine.notQuarantined(ClvSources.PROFITABILITY);

        @Override
        public String source() {
            return ClvSources.PROFITABILITY.name();
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(PROFITABILITY.formatted(IN_BATCHES, VALID)).execute(batches.tuple())
                    .replaceWith(0);
        }

        @Override
        public String name() {
            return "silver.customer_profitability";
        }

        @Override
        public int order() {
            return 120;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query(PROFITABILITY.formatted("true", VALID)).execute().replaceWithVoid();
        }
    }
}
