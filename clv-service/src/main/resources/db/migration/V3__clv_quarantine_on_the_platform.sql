-- The quarantine moves to the platform's table (silver.data_quality_quarantine, V0_2), shared by every service.
insert into silver.data_quality_quarantine (source, source_table, source_record_id, source_system, customer_id,
    bronze_id, batch_id, rule, field, reason, quarantined_at)
select case q.source_table when 'bronze.retail_customer_transactions' then 'transactions' else 'profitability' end,
       q.source_table, q.source_record_id, q.source_system, q.customer_id, q.bronze_id,
       coalesce(t.batch_id, p.batch_id, '00000000-0000-0000-0000-000000000000'), q.rule,
       case q.rule when 'amount-positive' then 'amount' when 'known-customer' then 'customerId'
            when 'amounts-non-negative' then 'revenueAmount' when 'profit-equals-revenue-minus-cost' then 'profitAmount'
            when 'date-not-in-future' then case when q.source_table = 'bronze.retail_customer_transactions'
                then 'transactionDate' else 'asOfDate' end else q.rule end,
       q.reason, q.quarantined_at
from silver.quarantine q
left join bronze.retail_customer_transactions t on t.bronze_id = q.bronze_id
    and q.source_table = 'bronze.retail_customer_transactions'
left join bronze.retail_customer_profitability p on p.bronze_id = q.bronze_id
    and q.source_table = 'bronze.retail_customer_profitability'
order by q.quarantine_id;
drop table silver.quarantine;
