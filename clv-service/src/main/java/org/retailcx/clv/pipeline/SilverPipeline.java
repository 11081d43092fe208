package org.retailcx.clv.pipeline;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Bronze → silver for one ingestion batch, set-based, in the caller's transaction: data-quality rules send breaking
 * records to {@code silver.quarantine} with the rule and reason; the others become (or replace) golden records.
 *
 * <p>Rules: transactions need amount &gt; 0 and a date not in the future; profitability rows need a known customer
 * (a customer record or a valid transaction named it), an as-of date not in the future, non-negative revenue and
 * cost, and a profit equal to revenue − cost when one is sent. "Future" is relative to the database's current date.
 */
@ApplicationScoped
public class SilverPipeline {

    /** Returns {accepted, quarantined}. */
    public Uni<long[]> promoteTransactions(SqlConnection tx, UUID batchId) {
        return tx.preparedQuery("""
                insert into silver.quarantine (source_table, bronze_id, source_system, source_record_id, customer_id,
                    rule, reason)
                select 'bronze.retail_customer_transactions', bronze_id, source_system, source_record_id, customer_id,
                    case when amount <= 0 then 'amount-positive' else 'date-not-in-future' end,
                    case when amount <= 0 then 'amount must be greater than 0, was ' || amount
                         else 'transactionDate ' || transaction_date || ' is in the future' end
                from bronze.retail_customer_transactions
                where batch_id = $1 and (amount <= 0 or transaction_date > current_date)""")
                .execute(Tuple.of(batchId))
                .chain(quarantined -> tx.preparedQuery("""
                        with valid as (
                            select distinct on (source_system, source_record_id) *
                            from bronze.retail_customer_transactions
                            where batch_id = $1 and amount > 0 and transaction_date <= current_date
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
                            currency = excluded.currency, product = excluded.product, bronze_id = excluded.bronze_id""")
                        .execute(Tuple.of(batchId))
                        .map(accepted -> new long[] { accepted.rowCount(), quarantined.rowCount() }));
    }

    /** Latest customer record wins; returns the number of customers inserted or updated. */
    public Uni<Long> promoteCustomers(SqlConnection tx, UUID batchId) {
        return tx.preparedQuery("""
                insert into silver.customer (customer_id, segment, acquisition_channel, acquired_on, source_bronze_id)
                select distinct on (customer_id) customer_id, segment, acquisition_channel, acquired_on, bronze_id
                from bronze.retail_customers where batch_id = $1
                order by customer_id, bronze_id desc
                on conflict (customer_id) do update set segment = excluded.segment,
                    acquisition_channel = excluded.acquisition_channel, acquired_on = excluded.acquired_on,
                    source_bronze_id = excluded.source_bronze_id, updated_at = now()""")
                .execute(Tuple.of(batchId))
                .map(rows -> (long) rows.rowCount());
    }

    /** Returns {accepted, quarantined}. */
    public Uni<long[]> promoteProfitability(SqlConnection tx, UUID batchId) {
        return tx.preparedQuery("""
                insert into silver.quarantine (source_table, bronze_id, source_system, source_record_id, customer_id,
                    rule, reason)
                select 'bronze.retail_customer_profitability', bronze_id, source_system, source_record_id, customer_id,
                    rule, reason
                from (
                    select p.*, case
                        when c.customer_id is null then 'known-customer'
                        when p.as_of_date > current_date then 'date-not-in-future'
                        when p.revenue_amount < 0 or p.cost_amount < 0 then 'amounts-non-negative'
                        when p.profit_amount is not null and p.profit_amount <> p.revenue_amount - p.cost_amount
                            then 'profit-equals-revenue-minus-cost' end as rule,
                        case
                        when c.customer_id is null then 'customerId ' || p.customer_id || ' is not a known customer'
                        when p.as_of_date > current_date then 'asOfDate ' || p.as_of_date || ' is in the future'
                        when p.revenue_amount < 0 or p.cost_amount < 0
                            then 'revenueAmount and costAmount must not be negative'
                        when p.profit_amount is not null and p.profit_amount <> p.revenue_amount - p.cost_amount
                            then 'profitAmount ' || p.profit_amount || ' is not revenueAmount - costAmount = '
                                || (p.revenue_amount - p.cost_amount) end as reason
                    from bronze.retail_customer_profitability p
                    left join silver.customer c on c.customer_id = p.customer_id
                    where p.batch_id = $1) checked
                where rule is not null""")
                .execute(Tuple.of(batchId))
                .chain(quarantined -> tx.preparedQuery("""
                        insert into silver.customer_profitability (customer_id, as_of_date, revenue_amount, cost_amount,
                            profit_amount, acquisition_cost, revenue_breakdown, cost_breakdown, bronze_id)
                        select distinct on (p.customer_id, p.as_of_date) p.customer_id, p.as_of_date, p.revenue_amount,
                            p.cost_amount, p.revenue_amount - p.cost_amount,
                            coalesce((p.cost_breakdown ->> 'acquisition')::numeric, 0), p.revenue_breakdown,
                            p.cost_breakdown, p.bronze_id
                        from bronze.retail_customer_profitability p
                        join silver.customer c on c.customer_id = p.customer_id
                        where p.batch_id = $1 and p.as_of_date <= current_date and p.revenue_amount >= 0
                            and p.cost_amount >= 0
                            and (p.profit_amount is null or p.profit_amount = p.revenue_amount - p.cost_amount)
                        order by p.customer_id, p.as_of_date, p.bronze_id desc
                        on conflict (customer_id, as_of_date) do update set revenue_amount = excluded.revenue_amount,
                            cost_amount = excluded.cost_amount, profit_amount = excluded.profit_amount,
                            acquisition_cost = excluded.acquisition_cost,
                            revenue_breakdown = excluded.revenue_breakdown, cost_breakdown = excluded.cost_breakdown,
                            bronze_id = excluded.bronze_id""")
                        .execute(Tuple.of(batchId))
                        .map(accepted -> new long[] { accepted.rowCount(), quarantined.rowCount() }));
    }
}
