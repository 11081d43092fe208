-- Served lists and issued actions land through the shared medallion append (platform-runtime InternalAppend):
-- the batch ledger, platform.ingestion_batches, names who asked for each, as for every bronze row. issued_by keeps
-- the caller of the actions issued before and is left empty from now on; listeners select a batch's rows by id.
alter table bronze.retail_next_best_action alter column issued_by drop not null;
create index retail_next_best_action_by_batch on bronze.retail_next_best_action (batch_id);
create index retail_product_recommendations_by_batch on bronze.retail_product_recommendations (batch_id);
