-- Gold star for journeys (issue 15): conformed dim_date, versioned journeys, their stages, channels and campaigns;
-- facts for transitions, outcomes (completions, abandonments with their recovery, ends, exits), attribution credit
-- per conversion, model, channel and campaign, and channel cost per day. Derived from silver: kept current for each
-- batch's (or timer tick's) customers, rebuilt by POST /api/v1/journey/admin/rebuild. Dates are UTC days.
create table gold.dim_date (
    date_key    integer primary key,               -- yyyymmdd
    date        date    not null unique,
    year        integer not null,
    quarter     integer not null,
    month       integer not null,
    iso_week    integer not null,
    day_of_week integer not null                   -- ISO: 1 = Monday
);
-- every date ingestion accepts (retailcx.ingest.earliest-date .. latest-date), so a date-key lookup cannot miss
insert into gold.dim_date
select to_char(d, 'YYYYMMDD')::integer, d, extract(year from d), extract(quarter from d), extract(month from d),
       extract(week from d), extract(isodow from d)
from generate_series(date '1900-01-01', date '2199-12-31', interval '1 day') g(t), lateral (select t::date) x(d);

-- One row per journey version (a version never changes; its status does).
create table gold.dim_journey (
    journey_sk       serial primary key,
    journey_key      text    not null,
    version          integer not null,
    status           text    not null,
    entry_event_type text    not null,
    published_at     timestamptz,
    unique (journey_key, version)
);

create table gold.dim_stage (
    stage_sk   serial primary key,
    journey_sk integer not null references gold.dim_journey (journey_sk),
    stage      text    not null,                   -- the stage node's id
    unique (journey_sk, stage)
);

create table gold.dim_channel (
    channel_sk serial primary key,
    channel    text not null unique
);

create table gold.dim_campaign (
    campaign_sk serial primary key,
    campaign_id text not null unique               -- '(none)' for touches without a campaign
);

-- Grain: one transition of one instance.
create table gold.fact_journey_transition (
    transition_id bigint      primary key,         -- silver.journey_transition
    journey_sk    integer     not null references gold.dim_journey (journey_sk),
    stage_sk      integer     references gold.dim_stage (stage_sk),
    date_key      integer     not null references gold.dim_date (date_key),
    instance_id   text        not null,
    customer_id   text        not null,
    kind          text        not null,
    occurred_at   timestamptz not null
);
create index fact_journey_transition_by_customer on gold.fact_journey_transition (customer_id);

-- Grain: one outcome of one instance: completed (a goal), ended, exited, or abandoned (each abandonment, recovered
-- or not).
create table gold.fact_journey_outcome (
    instance_id        text        not null,
    outcome            text        not null check (outcome in ('completed', 'ended', 'exited', 'abandoned')),
    occurred_at        timestamptz not null,
    journey_sk         integer     not null references gold.dim_journey (journey_sk),
    stage_sk           integer     references gold.dim_stage (stage_sk),
    date_key           integer     not null references gold.dim_date (date_key),
    customer_id        text        not null,
    seconds_from_entry double precision not null,
    recovery_attempts  integer,
    recovered_at       timestamptz,
    primary key (instance_id, outcome, occurred_at)
);
create index fact_journey_outcome_by_customer on gold.fact_journey_outcome (customer_id);

-- Grain: one conversion's credit to one channel and campaign under one model (the models whose credit is a sum over
-- conversions: first/last touch, linear, time decay, position-based, Shapley; Markov's removal effects depend on
-- every path and are computed on request).
create table gold.fact_attribution_credit (
    conversion_id  text             not null,
    model          text             not null,
    channel_sk     integer          not null references gold.dim_channel (channel_sk),
    campaign_sk    integer          not null references gold.dim_campaign (campaign_sk),
    date_key       integer          not null references gold.dim_date (date_key),
    customer_id    text             not null,
    credit         double precision not null,      -- share of the conversion (a conversion's shares sum to 1)
    credited_value double precision not null,
    primary key (conversion_id, model, channel_sk, campaign_sk)
);
create index fact_attribution_credit_by_customer on gold.fact_attribution_credit (customer_id);
create index fact_attribution_credit_by_date on gold.fact_attribution_credit (date_key, model);

-- Grain: one channel, campaign and day.
create table gold.fact_channel_cost (
    channel_sk  integer        not null references gold.dim_channel (channel_sk),
    campaign_sk integer        not null references gold.dim_campaign (campaign_sk),
    date_key    integer        not null references gold.dim_date (date_key),
    touches     integer        not null,
    cost        numeric(18, 2) not null,
    primary key (channel_sk, campaign_sk, date_key)
);
create index marketing_touchpoint_by_day on silver.marketing_touchpoint (channel, touched_at);
