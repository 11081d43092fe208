-- Events are queued set-based: the ledger row remembers the batch and the version that made the change, and the
-- outbox rows are built from it.
alter table silver.retail_sales_opportunity_announced add column batch_id uuid, add column bronze_id bigint;
create index retail_sales_opportunity_announced_batch on silver.retail_sales_opportunity_announced (batch_id);
