-- Revenue-generating events per customer, as received: from core banking (bulk) and from other services' events.
create table bronze.retail_customer_transactions (
    bronze_id        bigserial primary key,
    -- ingestion metadata
    source_system    text        not null,     -- e.g. core-banking, sales-service
    source_record_id text        not null,     -- the source's id of the transaction (opportunity id for a won sale)
    batch_id         uuid,                     -- bulk ingestion batch
    event_id         text,                     -- ce_id when the row came from an event
    received_at      timestamptz not null default now(),
    payload          jsonb       not null,
    -- the record's fields, typed
    customer_id      text        not null,
    transaction_date date        not null,
    amount           numeric(18, 2) not null,
    currency         text        not null,
    product          text
);
create index retail_customer_transactions_by_customer
    on bronze.retail_customer_transactions (customer_id, transaction_date);
