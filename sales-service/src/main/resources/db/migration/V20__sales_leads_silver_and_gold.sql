-- Leads, activities, quotes and referrals: silver golden records with lineage, gold activity and conversion facts,
-- and the versioned lead-scoring models.

-- One person = one golden lead, however many sources sent them. Ids come from a sequence, so "older" is "smaller".
create sequence silver.retail_sales_lead_golden_id_seq;
create table silver.retail_sales_lead_golden (
    golden_lead_id          bigint primary key,
    first_name              text,
    last_name               text,
    email                   text,
    phone                   text,
    date_of_birth           date,
    postal_code             text,
    source                  text not null,       -- source of the earliest member lead (first touch)
    campaign_id             text,
    product_interest        text,
    qualification_status    text not null,
    disqualification_reason text,
    assigned_sales_rep      text,
    assignment_date         date,
    created_date            date not null,       -- earliest member's created date
    converted_opportunity_id text,
    crm_lead_score          numeric(7, 4),
    crm_lead_grade          text,
    attributes              jsonb not null default '{}',
    member_count            integer not null,
    -- the service's own score, from the active model when the lead last changed
    score_probability       double precision,
    score_grade             text,
    score_model_version     integer,
    scored_at               timestamptz,
    converted_announced_at  timestamptz,        -- lead.converted.v1 queued (once)
    first_bronze_id         bigint not null,
    last_bronze_id          bigint not null,
    updated_at              timestamptz not null default now()
);
create index retail_sales_lead_golden_created on silver.retail_sales_lead_golden (created_date);
create index retail_sales_lead_golden_converted_opp on silver.retail_sales_lead_golden (converted_opportunity_id);
-- conversions look opportunities up by the lead they came from
create index if not exists retail_sales_opportunity_golden_lead on silver.retail_sales_opportunity_golden (lead_id);

-- Lineage: every source lead id, the golden lead it belongs to and the rule that linked it.
create table silver.retail_sales_lead_crosswalk (
    source_lead_id  text primary key,
    golden_lead_id  bigint not null,
    match_rule      text not null,               -- new, email, phone, name-dob-postal
    first_bronze_id bigint not null,
    last_bronze_id  bigint not null,
    linked_at       timestamptz not null default now()
);
create index retail_sales_lead_crosswalk_golden on silver.retail_sales_lead_crosswalk (golden_lead_id);

-- Blocking keys (normalised email, phone, last name + birth date + postal code) owned by a golden lead: a new lead
-- sharing any key joins that golden lead; a lead whose keys hit two golden leads merges them.
create table silver.retail_sales_lead_match_key (
    match_key      text primary key,
    golden_lead_id bigint not null
);
create index retail_sales_lead_match_key_golden on silver.retail_sales_lead_match_key (golden_lead_id);

create table silver.retail_sales_lead_merge (
    merged_golden_lead_id   bigint not null,     -- gone
    surviving_golden_lead_id bigint not null,    -- the older id, kept
    linking_lead_id         text not null,       -- the source lead that tied them together
    match_rule              text not null,
    merged_at               timestamptz not null default now(),
    primary key (merged_golden_lead_id)
);

-- Activities attributed to opportunity, golden lead, rep (SCD2 row valid at the activity date) and campaign.
create table silver.retail_sales_activity_enriched (
    activity_id      text primary key,
    activity_type    text not null,
    opportunity_id   text,
    lead_id          text,
    golden_lead_id   bigint,
    account_id       text,
    rep_id           text not null,
    rep_key          bigint,
    campaign_id      text,
    subject          text,
    outcome          text,
    activity_date    date not null,
    completed_at     timestamptz,
    duration_minutes integer,
    last_bronze_id   bigint not null,
    updated_at       timestamptz not null default now()
);
create index retail_sales_activity_enriched_golden on silver.retail_sales_activity_enriched (golden_lead_id);
create index retail_sales_activity_enriched_opp on silver.retail_sales_activity_enriched (opportunity_id);
create index retail_sales_activity_enriched_lead on silver.retail_sales_activity_enriched (lead_id);
create index retail_sales_activity_enriched_rep on silver.retail_sales_activity_enriched (rep_id);

-- Quotes and referrals: current state per id from the newest valid version.
create table silver.retail_sales_quote_current (
    quote_id        text primary key,
    opportunity_id  text,
    product         text,
    quoted_amount   numeric(18, 2),
    quoted_rate     numeric(9, 4),
    currency        text,
    status          text not null,
    issued_date     date,
    expiration_date date,
    terms           text,
    version_count   integer not null,
    last_bronze_id  bigint not null,
    updated_at      timestamptz not null default now()
);

create table silver.retail_sales_referral_current (
    referral_id          text primary key,
    referrer_customer_id text not null,
    referred_name        text,
    referred_email       text,
    referred_customer_id text,
    lead_id              text,
    opportunity_id       text,
    status               text not null,
    reward_amount        numeric(18, 2),
    referral_date        date,
    conversion_date      date,
    converted_announced_at timestamptz,          -- referral.converted.v1 queued (once)
    last_bronze_id       bigint not null,
    updated_at           timestamptz not null default now()
);

create table gold.dim_activity_type (
    activity_type_key serial primary key,
    activity_type     text not null unique,
    is_meeting        boolean not null
);
insert into gold.dim_activity_type (activity_type, is_meeting) values
    ('Call', false), ('Email', false), ('Meeting', true), ('Demo', true), ('Proposal Sent', false);

-- Grain: one activity.
create table gold.fact_sales_activities (
    activity_id       text primary key,
    date_key          integer not null references gold.dim_date,
    rep_key           bigint,
    rep_id            text not null,          -- degenerate: the rep as sent, also before gold knows them
    activity_type_key integer not null references gold.dim_activity_type,
    campaign_key      integer references gold.dim_campaign,
    opportunity_id    text,
    golden_lead_id    bigint,
    account_id        text,
    outcome           text,
    duration_minutes  integer
);
create index fact_sales_activities_date on gold.fact_sales_activities (date_key);
create index fact_sales_activities_rep on gold.fact_sales_activities (rep_key);

-- Grain: one golden lead, with its path lead -> opportunity -> won customer.
create table gold.fact_sales_conversions (
    golden_lead_id          bigint primary key,
    lead_created_date_key   integer not null references gold.dim_date,
    lead_created_date       date not null,
    lead_source_key         integer not null references gold.dim_lead_source,
    campaign_key            integer references gold.dim_campaign,
    product_key             integer not null references gold.dim_product,
    rep_key                 bigint,
    rep_id                  text,
    is_qualified            boolean not null,
    opportunity_id          text,
    opportunity_created_date date,
    won_date                date,
    is_lost                 boolean not null,
    customer_id             text,
    days_lead_to_opportunity integer,
    days_opportunity_to_won integer,
    days_lead_to_won        integer,
    score_probability       double precision,    -- from the active scoring model
    score_grade             text
);
create index fact_sales_conversions_created on gold.fact_sales_conversions (lead_created_date);
create index fact_sales_conversions_rep on gold.fact_sales_conversions (rep_id);
create index retail_sales_lead_golden_rep on silver.retail_sales_lead_golden (assigned_sales_rep);

-- Versioned lead-scoring models; at most one active.
create table silver.retail_sales_scoring_model (
    version        integer primary key,
    trained_at     timestamptz not null default now(),
    trained_by     text,
    training_source text not null,             -- silver or upload
    model          jsonb not null,             -- LogisticModel JSON
    report         jsonb not null,             -- AUC, cross-validation, calibration, grades, protocol
    active         boolean not null default false,
    activated_at   timestamptz
);
create unique index retail_sales_scoring_model_one_active on silver.retail_sales_scoring_model (active) where active;
