-- The other CRM, HR, compensation and finance feeds, as received: one row per version sent, never updated.
-- Every table has the same ingestion metadata as bronze.retail_sales_opportunities; typed columns mirror the
-- record's fields so silver can work set-based without parsing the payload.

create table bronze.retail_sales_leads (
    bronze_id bigserial primary key, source_system text not null, source_record_id text not null,
    batch_id uuid not null, received_at timestamptz not null default now(), payload jsonb not null,
    lead_id                 text not null,
    first_name              text,
    last_name               text,
    email                   text,
    phone                   text,
    date_of_birth           date,
    postal_code             text,
    source                  text,
    campaign_id             text,
    product_interest        text,
    lead_score              numeric(7, 4),
    lead_grade              text,
    qualification_status    text,
    disqualification_reason text,
    assigned_sales_rep      text,
    assignment_date         date,
    created_date            date,
    converted_opportunity_id text,
    attributes              jsonb,
    crm_updated_at          timestamptz
);
create index retail_sales_leads_by_id on bronze.retail_sales_leads (lead_id, bronze_id);
create index retail_sales_leads_by_batch on bronze.retail_sales_leads (batch_id);

create table bronze.retail_sales_activities (
    bronze_id bigserial primary key, source_system text not null, source_record_id text not null,
    batch_id uuid not null, received_at timestamptz not null default now(), payload jsonb not null,
    activity_id     text not null,
    activity_type   text,
    opportunity_id  text,
    lead_id         text,
    account_id      text,
    subject         text,
    outcome         text,
    notes           text,
    completed_by    text,
    completed_date  timestamptz,
    duration_minutes integer,
    crm_updated_at  timestamptz
);
create index retail_sales_activities_by_id on bronze.retail_sales_activities (activity_id, bronze_id);
create index retail_sales_activities_by_batch on bronze.retail_sales_activities (batch_id);

create table bronze.retail_sales_quotes (
    bronze_id bigserial primary key, source_system text not null, source_record_id text not null,
    batch_id uuid not null, received_at timestamptz not null default now(), payload jsonb not null,
    quote_id        text not null,
    opportunity_id  text,
    product         text,
    quoted_amount   numeric(18, 2),
    quoted_rate     numeric(9, 4),
    currency        text,
    status          text,
    issued_date     date,
    expiration_date date,
    terms           text,
    crm_updated_at  timestamptz
);
create index retail_sales_quotes_by_id on bronze.retail_sales_quotes (quote_id, bronze_id);
create index retail_sales_quotes_by_batch on bronze.retail_sales_quotes (batch_id);

create table bronze.retail_sales_reps (
    bronze_id bigserial primary key, source_system text not null, source_record_id text not null,
    batch_id uuid not null, received_at timestamptz not null default now(), payload jsonb not null,
    rep_id          text not null,
    employee_id     text,
    name            text,
    email           text,
    territory_id    text,
    team            text,
    manager_id      text,
    quota_amount    numeric(18, 2),
    quota_period    text,
    commission_rate numeric(7, 4),
    commission_plan_id text,
    active          boolean,
    hire_date       date,
    effective_date  date,
    crm_updated_at  timestamptz
);
create index retail_sales_reps_by_id on bronze.retail_sales_reps (rep_id, bronze_id);
create index retail_sales_reps_by_batch on bronze.retail_sales_reps (batch_id);

create table bronze.retail_sales_territories (
    bronze_id bigserial primary key, source_system text not null, source_record_id text not null,
    batch_id uuid not null, received_at timestamptz not null default now(), payload jsonb not null,
    territory_id        text not null,
    name                text,
    region              text,
    parent_territory_id text,
    zip_codes           text[],
    branches            text[],
    assigned_rep_id     text,
    crm_updated_at      timestamptz
);
create index retail_sales_territories_by_id on bronze.retail_sales_territories (territory_id, bronze_id);
create index retail_sales_territories_by_batch on bronze.retail_sales_territories (batch_id);

create table bronze.retail_sales_commissions (
    bronze_id bigserial primary key, source_system text not null, source_record_id text not null,
    batch_id uuid not null, received_at timestamptz not null default now(), payload jsonb not null,
    commission_id   text not null,
    rep_id          text,
    opportunity_id  text,
    commission_type text,
    amount          numeric(18, 2),
    currency        text,
    period          text,
    paid            boolean,
    paid_date       date,
    crm_updated_at  timestamptz
);
create index retail_sales_commissions_by_id on bronze.retail_sales_commissions (commission_id, bronze_id);
create index retail_sales_commissions_by_batch on bronze.retail_sales_commissions (batch_id);

create table bronze.retail_sales_referrals (
    bronze_id bigserial primary key, source_system text not null, source_record_id text not null,
    batch_id uuid not null, received_at timestamptz not null default now(), payload jsonb not null,
    referral_id         text not null,
    referrer_customer_id text,
    referred_name       text,
    referred_email      text,
    referred_customer_id text,
    lead_id             text,
    opportunity_id      text,
    status              text,
    reward_amount       numeric(18, 2),
    referral_date       date,
    conversion_date     date,
    crm_updated_at      timestamptz
);
create index retail_sales_referrals_by_id on bronze.retail_sales_referrals (referral_id, bronze_id);
create index retail_sales_referrals_by_batch on bronze.retail_sales_referrals (batch_id);

-- Sales and marketing cost per period and campaign, from finance: the numerator of customer acquisition cost.
create table bronze.retail_sales_costs (
    bronze_id bigserial primary key, source_system text not null, source_record_id text not null,
    batch_id uuid not null, received_at timestamptz not null default now(), payload jsonb not null,
    cost_id         text not null,
    period          text,
    campaign_id     text,
    cost_category   text,
    amount          numeric(18, 2),
    currency        text,
    crm_updated_at  timestamptz
);
create index retail_sales_costs_by_id on bronze.retail_sales_costs (cost_id, bronze_id);
create index retail_sales_costs_by_batch on bronze.retail_sales_costs (batch_id);

-- When the CRM created the opportunity (start of the sales cycle); absent in older syncs.
alter table bronze.retail_sales_opportunities add column created_date date;
