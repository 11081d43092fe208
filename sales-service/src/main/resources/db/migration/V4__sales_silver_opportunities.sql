-- The golden opportunity: the current state of each opportunity from its newest valid bronze version, with the
-- dates the pipeline needs. Written by the opportunity pipeline in the ingestion transaction.
create table silver.retail_sales_opportunity_golden (
    opportunity_id      text primary key,
    account_id          text not null,          -- the customer
    lead_id             text,
    owner_id            text,                   -- rep id
    stage               text not null,
    amount              numeric(18, 2),
    currency            text not null,
    probability         numeric(5, 2),          -- as sent, else the stage's default
    expected_close_date date,
    product_interest    text,
    lead_source         text,
    campaign_id         text,
    competitive_threat  text,
    loss_reason         text,
    created_date        date not null,          -- CRM's created date, else the first version's effective date
    stage_entered_at    timestamptz not null,   -- when the current stage began
    closed_date         date,                   -- when it reached Closed Won/Lost
    won_date            date,                   -- first time it reached Closed Won (kept if later reversed)
    is_closed           boolean not null,
    is_won              boolean not null,
    version_count       integer not null,
    first_bronze_id     bigint not null,
    last_bronze_id      bigint not null,        -- lineage: the bronze version this state comes from
    last_changed_at     timestamptz not null,   -- effective time of the newest version (CRM updatedAt, else received)
    updated_at          timestamptz not null default now()
);
create index retail_sales_opportunity_golden_owner on silver.retail_sales_opportunity_golden (owner_id);
create index retail_sales_opportunity_golden_account on silver.retail_sales_opportunity_golden (account_id);

-- Every change of stage, amount, probability or expected close date, one row per changing version (the first
-- version is a change from nothing). The pipeline's movement, time-in-stage and stage conversion read this.
create table silver.retail_sales_opportunity_history (
    opportunity_id      text        not null,
    bronze_id           bigint      not null,
    changed_at          timestamptz not null,   -- effective time (CRM updatedAt, else received)
    stage_from          text,
    stage_to            text not null,
    amount_from         numeric(18, 2),
    amount_to           numeric(18, 2),
    probability_from    numeric(5, 2),
    probability_to      numeric(5, 2),
    close_date_from     date,
    close_date_to       date,
    primary key (opportunity_id, bronze_id)
);
create index retail_sales_opportunity_history_by_time on silver.retail_sales_opportunity_history (changed_at);
