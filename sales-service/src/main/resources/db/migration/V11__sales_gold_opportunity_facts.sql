-- SCD 2 rows are kept per (rep, valid_from): rebuilding a rep's versions keeps the surrogate keys facts hold.
-- valid_to is exclusive: a row is valid on valid_from <= d < valid_to.
create unique index dim_sales_rep_version on gold.dim_sales_rep (rep_id, valid_from);

-- Grain: one row per opportunity (accumulating snapshot, updated as the opportunity moves). rep_key is the owner's
-- dim_sales_rep version valid on the created date (the earliest version when the deal predates the rep's first);
-- territory_key that version's territory.
create table gold.fact_sales_opportunities (
    opportunity_id          text primary key,
    account_id              text          not null,
    rep_key                 bigint,
    territory_key           integer,
    product_key             integer       not null,
    lead_source_key         integer       not null,
    stage_key               integer       not null,
    campaign_key            integer       not null,
    created_date_key        integer       not null,
    expected_close_date_key integer,
    closed_date_key         integer,
    won_date_key            integer,
    amount                  numeric(18, 2),
    probability             numeric(5, 2),
    weighted_amount         numeric(18, 2),   -- amount × probability / 100
    is_closed               boolean       not null,
    is_won                  boolean       not null,
    sales_cycle_days        integer,          -- created → closed, for closed deals
    updated_at              timestamptz   not null default now()
);
create index fact_sales_opportunities_rep on gold.fact_sales_opportunities (rep_key);
create index fact_sales_opportunities_closed on gold.fact_sales_opportunities (closed_date_key);
create index fact_sales_opportunities_expected on gold.fact_sales_opportunities (expected_close_date_key);

-- Grain: snapshot date × rep × stage × product × lead source, open opportunities only. rep_key is the owner's
-- version valid on the snapshot date.
create table gold.fact_sales_pipeline_daily (
    snapshot_date_key integer       not null,
    rep_key           bigint,
    stage_key         integer       not null,
    product_key       integer       not null,
    lead_source_key   integer       not null,
    opportunity_count integer       not null,
    amount            numeric(18, 2) not null,
    weighted_amount   numeric(18, 2) not null
);
create index fact_sales_pipeline_daily_date on gold.fact_sales_pipeline_daily (snapshot_date_key);
