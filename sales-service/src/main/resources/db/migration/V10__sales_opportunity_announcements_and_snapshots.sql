-- Which opportunity events have been queued: a re-sent, duplicate or late version never announces the same change
-- twice. Once-per-opportunity events (created, closed-won) use version_bronze_id 0; per-change events
-- (stage-changed, closed-lost) the bronze id of the version that made the change.
create table silver.retail_sales_opportunity_announced (
    opportunity_id    text        not null,
    event             text        not null,   -- created, stage-changed, closed-won, closed-lost
    version_bronze_id bigint      not null,
    announced_at      timestamptz not null default now(),
    primary key (opportunity_id, event, version_bronze_id)
);
-- Won deals announced before this ledger existed (the first closed-won listener read bronze).
insert into silver.retail_sales_opportunity_announced (opportunity_id, event, version_bronze_id)
select distinct opportunity_id, 'closed-won', 0 from bronze.retail_sales_opportunities where stage = 'Closed Won';

-- Open pipeline as of the end of each snapshot date (UTC), one row per open opportunity and date. Stage, amount,
-- probability and close date come from the change history as of that date; owner, product, source and campaign
-- from the golden record (the history does not track them). Past dates can be recomputed (backfill).
create table silver.retail_sales_pipeline_snapshot (
    snapshot_date       date          not null,
    opportunity_id      text          not null,
    account_id          text          not null,
    owner_id            text,
    stage               text          not null,
    amount              numeric(18, 2),
    probability         numeric(5, 2),
    weighted_amount     numeric(18, 2),
    expected_close_date date,
    product_interest    text,
    lead_source         text,
    campaign_id         text,
    taken_at            timestamptz   not null default now(),
    primary key (snapshot_date, opportunity_id)
);
