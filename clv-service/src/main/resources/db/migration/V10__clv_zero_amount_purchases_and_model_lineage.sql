-- Zero-amount purchases are purchases (issue 11): silver keeps them, BG/NBD counts them, and Gamma-Gamma averages
-- only the repeat days with a positive spend, so the summaries and facts say how many days that mean covers.
alter table silver.customer_rfm_summary add column spend_days integer;
update silver.customer_rfm_summary set spend_days = case when monetary_value > 0 then frequency else 0 end;
alter table silver.customer_rfm_summary alter column spend_days set not null;

alter table gold.fact_customer_value add column spend_days integer;
update gold.fact_customer_value set spend_days = case when monetary_value > 0 then frequency else 0 end;
alter table gold.fact_customer_value alter column spend_days set not null;

-- Lineage a model version is announced with (retailcx.clv.model-version.trained.v1): the code that fitted it,
-- kept so that its activation event names the same code after an upgrade.
alter table gold.dim_clv_model add column code_version text;

-- Transactions of amount 0 that the old rule (amount-positive) quarantined reach silver now, unless another rule
-- still holds them or a later version of the same record replaced them.
create temporary table freed_zero_amount on commit drop as
select q.bronze_id from silver.data_quality_quarantine q
join bronze.retail_customer_transactions b on b.bronze_id = q.bronze_id
where q.source = 'transactions' and q.rule = 'amount-positive' and b.amount = 0;

delete from silver.data_quality_quarantine q using freed_zero_amount f
where q.source = 'transactions' and q.rule = 'amount-positive' and q.bronze_id = f.bronze_id;

create temporary table promoted_zero_amount on commit drop as
select b.source_system, b.source_record_id, b.customer_id, b.transaction_date, b.amount, b.currency, b.product,
       b.bronze_id
from bronze.retail_customer_transactions b join freed_zero_amount f on f.bronze_id = b.bronze_id
where not exists (select 1 from silver.data_quality_quarantine q where q.source = 'transactions'
                  and q.bronze_id = b.bronze_id)
  and not exists (select 1 from bronze.retail_customer_transactions later
                  where later.source_system = b.source_system and later.source_record_id = b.source_record_id
                    and later.bronze_id > b.bronze_id);

insert into silver.customer (customer_id) select distinct customer_id from promoted_zero_amount on conflict do nothing;

insert into silver.customer_transaction (source_system, source_record_id, customer_id, transaction_date, amount,
    currency, product, bronze_id)
select source_system, source_record_id, customer_id, transaction_date, amount, currency, product, bronze_id
from promoted_zero_amount
on conflict (source_system, source_record_id) do update set customer_id = excluded.customer_id,
    transaction_date = excluded.transaction_date, amount = excluded.amount, currency = excluded.currency,
    product = excluded.product, bronze_id = excluded.bronze_id;
