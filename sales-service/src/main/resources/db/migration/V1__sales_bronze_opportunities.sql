-- CRM opportunity sync, as received: one row per version sent, never updated.
create table bronze.retail_sales_opportunities (
    bronze_id           bigserial primary key,
    -- ingestion metadata
    source_system       text        not null,
    source_record_id    text        not null,    -- the CRM's external id (= opportunity_id)
    batch_id            uuid        not null,
    received_at         timestamptz not null default now(),
    payload             jsonb       not null,    -- the record exactly as sent
    -- the record's fields, typed
    opportunity_id      text        not null,
    account_id          text        not null,
    lead_id             text,
    owner_id            text,
    stage               text        not null,
    amount              numeric(18, 2),
    currency            text,
    probability         numeric(5, 2),
    expected_close_date date,
    product_interest    text,
    lead_source         text,
    campaign_id         text,
    competitive_threat  text,
    loss_reason         text,
    crm_updated_at      timestamptz
);
create index retail_sales_opportunities_by_id on bronze.retail_sales_opportunities (opportunity_id, bronze_id);
create index retail_sales_opportunities_by_batch on bronze.retail_sales_opportunities (batch_id);
