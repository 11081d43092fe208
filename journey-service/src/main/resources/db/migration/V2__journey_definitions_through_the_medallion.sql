-- Definitions land through the shared medallion append (platform-runtime InternalAppend): the batch ledger,
-- platform.ingestion_batches, names who submitted each one, as for every bronze row. received_by keeps the submitter
-- of the rows written before and is left empty from now on.
alter table bronze.retail_journey_definitions alter column received_by drop not null;
create index retail_journey_definitions_by_batch on bronze.retail_journey_definitions (batch_id);
