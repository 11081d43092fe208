-- Records that reached bronze (well-formed) but failed a data-quality rule: kept here with the rule, never in the
-- golden records. A later, valid version of the same record resolves the entry.
create table silver.retail_sales_quarantine (
    quarantine_id    bigserial primary key,
    source           text        not null,   -- 'opportunities', 'leads', ... (the ingestion source name)
    source_record_id text        not null,
    bronze_id        bigint      not null,
    batch_id         uuid        not null,
    rule             text        not null,   -- e.g. 'stage.known', 'amount.non-negative'
    field            text        not null,   -- the record field the rule is about (camelCase, as sent)
    reason           text        not null,
    quarantined_at   timestamptz not null default now(),
    resolved_at      timestamptz,
    unique (source, bronze_id, rule)
);
create index retail_sales_quarantine_open on silver.retail_sales_quarantine (source, quarantine_id)
    where resolved_at is null;
create index retail_sales_quarantine_by_record on silver.retail_sales_quarantine (source, source_record_id);

-- Conformed dimensions shared by every sales fact.
create table gold.dim_date (
    date_key      integer primary key,        -- yyyymmdd
    calendar_date date    not null unique,
    year          integer not null,
    quarter       integer not null,
    month         integer not null,
    month_name    text    not null,
    iso_week      integer not null,
    day_of_week   integer not null,            -- ISO: 1 = Monday
    is_weekend    boolean not null,
    year_month    text    not null,            -- '2026-11'
    year_quarter  text    not null             -- '2026-Q4'
);
insert into gold.dim_date
select to_char(d, 'YYYYMMDD')::integer, d, extract(year from d), extract(quarter from d), extract(month from d),
       trim(to_char(d, 'Month')), extract(week from d), extract(isodow from d), extract(isodow from d) in (6, 7),
       to_char(d, 'YYYY-MM'), to_char(d, 'YYYY') || '-Q' || extract(quarter from d)
from generate_series(date '2000-01-01', date '2050-12-31', interval '1 day') as g(t), lateral (select t::date) x(d);

create table gold.dim_product (
    product_key  serial primary key,
    product_code text not null unique,         -- as CRMs send it: checking, savings, loan, card, investment
    product_name text not null,
    product_family text not null
);
insert into gold.dim_product (product_code, product_name, product_family) values
    ('checking', 'Checking account', 'Deposits'),
    ('savings', 'Savings account', 'Deposits'),
    ('loan', 'Personal loan', 'Lending'),
    ('card', 'Credit card', 'Cards'),
    ('investment', 'Investment account', 'Wealth'),
    ('unknown', 'Unknown', 'Unknown');

create table gold.dim_lead_source (
    lead_source_key serial primary key,
    lead_source     text not null unique,      -- Web Form, Branch, Call Center, Referral, Event
    channel_group   text not null              -- Digital, Assisted, Advocacy
);
insert into gold.dim_lead_source (lead_source, channel_group) values
    ('Web Form', 'Digital'), ('Branch', 'Assisted'), ('Call Center', 'Assisted'), ('Referral', 'Advocacy'),
    ('Event', 'Assisted'), ('Unknown', 'Unknown');

create table gold.dim_sales_stage (
    stage_key           serial primary key,
    stage_name          text    not null unique,
    stage_order         integer not null,
    default_probability numeric(5, 2) not null,
    forecast_category   text    not null,      -- Pipeline, Best Case, Commit, Closed, Omitted
    is_closed           boolean not null,
    is_won              boolean not null
);
insert into gold.dim_sales_stage (stage_name, stage_order, default_probability, forecast_category, is_closed, is_won)
values ('Prospecting', 1, 10, 'Pipeline', false, false),
       ('Qualification', 2, 25, 'Pipeline', false, false),
       ('Proposal', 3, 50, 'Best Case', false, false),
       ('Negotiation', 4, 75, 'Commit', false, false),
       ('Closed Won', 5, 100, 'Closed', true, true),
       ('Closed Lost', 6, 0, 'Omitted', true, false);

create table gold.dim_campaign (
    campaign_key serial primary key,
    campaign_id  text not null unique,         -- as sent; 'none' for records without a campaign
    first_seen   timestamptz not null default now()
);
insert into gold.dim_campaign (campaign_id) values ('none');

-- Territory hierarchy (region > territory; parent_territory_id may nest further). Type 1: latest wins.
create table gold.dim_sales_territory (
    territory_key       serial primary key,
    territory_id        text not null unique,
    name                text,
    region              text,
    parent_territory_id text,
    path                text[] not null default '{}',  -- ids from the root down to this territory
    zip_codes           text[] not null default '{}',
    branches            text[] not null default '{}',
    assigned_rep_id     text,
    updated_at          timestamptz not null default now()
);

-- Sales reps, SCD type 2: a territory, team, quota or rate change closes the current row and opens a new one,
-- so facts keep the rep's organisation as it was when they happened.
create table gold.dim_sales_rep (
    rep_key         bigserial primary key,
    rep_id          text not null,
    employee_id     text,
    name            text,
    territory_id    text,
    team            text,
    manager_id      text,
    quota_amount    numeric(18, 2),
    quota_period    text,
    commission_rate numeric(7, 4),
    commission_plan_id text,
    active          boolean,
    hire_date       date,
    valid_from      date not null,
    valid_to        date not null default date '9999-12-31',
    is_current      boolean not null default true,
    source_bronze_id bigint not null
);
create unique index dim_sales_rep_current on gold.dim_sales_rep (rep_id) where is_current;
create index dim_sales_rep_by_id on gold.dim_sales_rep (rep_id, valid_from);
