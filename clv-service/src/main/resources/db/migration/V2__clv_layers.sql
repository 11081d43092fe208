-- CLV: bronze profitability and customers, silver golden records and quarantine, gold star schema.

-- ---------------------------------------------------------------- bronze (as received, append-only)
create table bronze.retail_customers (
    bronze_id           bigserial primary key,
    source_system       text        not null,
    source_record_id    text        not null,     -- the customer id
    batch_id            uuid,
    received_at         timestamptz not null default now(),
    payload             jsonb       not null,
    customer_id         text        not null,
    segment             text,
    acquisition_channel text,
    acquired_on         date
);

create table bronze.retail_customer_profitability (
    bronze_id         bigserial primary key,
    source_system     text        not null,
    source_record_id  text        not null,       -- customer id + as-of date
    batch_id          uuid,
    received_at       timestamptz not null default now(),
    payload           jsonb       not null,
    customer_id       text        not null,
    as_of_date        date        not null,
    revenue_amount    numeric(18, 2) not null,
    cost_amount       numeric(18, 2) not null,
    profit_amount     numeric(18, 2),
    currency          text,
    revenue_breakdown jsonb,                      -- deposits, loans, cards, fees, wealth
    cost_breakdown    jsonb                       -- acquisition, servicing, fraud, chargeOffs
);
create index retail_customer_profitability_by_batch on bronze.retail_customer_profitability (batch_id);
create index retail_customer_transactions_by_batch on bronze.retail_customer_transactions (batch_id);

-- ---------------------------------------------------------------- silver (validated golden records)
-- A customer is known once a customer record or a valid transaction names it. Survivorship: the latest customer
-- record received sets segment/channel/acquisition date; a transaction only creates the customer.
create table silver.customer (
    customer_id         text primary key,
    segment             text,
    acquisition_channel text,
    acquired_on         date,
    source_bronze_id    bigint,                    -- the customer record that set the attributes (null: implicit)
    first_seen_at       timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index customer_by_segment on silver.customer (segment);

-- Valid transactions, one per (source system, source record id): a later version of the same record replaces it.
create table silver.customer_transaction (
    source_system    text not null,
    source_record_id text not null,
    customer_id      text not null,
    transaction_date date not null,
    amount           numeric(18, 2) not null,
    currency         text not null,
    product          text,
    bronze_id        bigint not null,              -- lineage
    primary key (source_system, source_record_id)
);
create index customer_transaction_by_customer on silver.customer_transaction (customer_id, transaction_date);

-- Profitability of a customer for the period ending at as_of_date (e.g. a monthly statement); latest version wins.
create table silver.customer_profitability (
    customer_id       text not null,
    as_of_date        date not null,
    revenue_amount    numeric(18, 2) not null,
    cost_amount       numeric(18, 2) not null,
    profit_amount     numeric(18, 2) not null,
    acquisition_cost  numeric(18, 2) not null default 0,   -- cost_breakdown.acquisition
    revenue_breakdown jsonb,
    cost_breakdown    jsonb,
    bronze_id         bigint not null,
    primary key (customer_id, as_of_date)
);

-- Records that failed a data-quality rule, with the rule and a readable reason.
create table silver.quarantine (
    quarantine_id    bigserial primary key,
    source_table     text        not null,          -- e.g. bronze.retail_customer_transactions
    bronze_id        bigint      not null,
    source_system    text        not null,
    source_record_id text        not null,
    customer_id      text,
    rule             text        not null,
    reason           text        not null,
    quarantined_at   timestamptz not null default now()
);
create index quarantine_by_customer on silver.quarantine (customer_id);

-- Repeat-purchase summaries for a calibration end date (several purchases on one day are one purchase day):
-- frequency = purchase days - 1, recency = last - first purchase day, age T = calibration end - first purchase day,
-- monetary value = mean per-day spend over the repeat days (first day excluded; 0 without repeat days).
create table silver.customer_rfm_summary (
    calibration_end date    not null,
    customer_id     text    not null,
    frequency       integer not null,
    recency_days    integer not null,
    age_days        integer not null,
    monetary_value  double precision not null,
    first_purchase  date    not null,
    last_purchase   date    not null,
    primary key (calibration_end, customer_id)
);

-- ---------------------------------------------------------------- gold (star schema)
create table gold.dim_date (
    date_key    integer primary key,               -- yyyymmdd
    date        date    not null unique,
    year        integer not null,
    quarter     integer not null,
    month       integer not null,
    iso_week    integer not null,
    day_of_week integer not null                   -- ISO: 1 = Monday
);
insert into gold.dim_date
select to_char(d, 'YYYYMMDD')::integer, d, extract(year from d), extract(quarter from d), extract(month from d),
       extract(week from d), extract(isodow from d)
from generate_series(date '1990-01-01', date '2060-12-31', interval '1 day') g(g), lateral (select g::date d) x;

-- One row per fitted model version: parameters, fit statistics, calibration window, scoring settings.
create table gold.dim_clv_model (
    clv_model_version     integer primary key,
    fitted_at             timestamptz not null default now(),
    trigger               text        not null,    -- api | schedule
    segment               text,                    -- null: all customers
    calibration_start     date        not null,    -- first purchase day of the earliest customer fitted
    calibration_end       date        not null,
    calibration_end_key   integer     not null references gold.dim_date (date_key),
    period_days           integer     not null,    -- model time unit (7: weeks)
    bgnbd_r               double precision not null,
    bgnbd_alpha           double precision not null,
    bgnbd_a               double precision not null,
    bgnbd_b               double precision not null,
    bgnbd_log_likelihood  double precision not null,
    bgnbd_evaluations     integer not null,
    gg_p                  double precision not null,
    gg_q                  double precision not null,
    gg_gamma              double precision not null,
    gg_log_likelihood     double precision not null,
    gg_evaluations        integer not null,
    customers             integer not null,
    repeat_customers      integer not null,
    annual_discount_rate  double precision not null,
    margin                double precision not null,
    lifetime_months       integer not null,
    fit_millis            bigint  not null,
    score_millis          bigint  not null,
    active                boolean not null default false,
    activated_at          timestamptz
);
create unique index dim_clv_model_one_active on gold.dim_clv_model (active) where active;

-- Grain: one customer scored by one model version.
create table gold.fact_customer_value (
    clv_model_version       integer not null references gold.dim_clv_model (clv_model_version),
    customer_id             text    not null,
    segment                 text,
    clv_prediction_date     date    not null,
    clv_prediction_date_key integer not null references gold.dim_date (date_key),
    frequency               integer not null,
    recency_weeks           double precision not null,
    age_weeks               double precision not null,
    monetary_value          double precision not null,
    probability_alive       double precision not null,
    expected_purchases_12mo double precision not null,
    expected_spend          double precision not null,   -- Gamma-Gamma expected spend per purchase
    predicted_clv_12mo      numeric(18, 2) not null,
    predicted_clv_36mo      numeric(18, 2) not null,
    predicted_clv_lifetime  numeric(18, 2) not null,
    clv_decile              smallint not null check (clv_decile between 1 and 10),   -- 10 = most valuable
    revenue_ytd             numeric(18, 2),
    cost_to_serve_ytd       numeric(18, 2),
    profit_margin_ytd       double precision,
    primary key (clv_model_version, customer_id)
);
create index fact_customer_value_ranking
    on gold.fact_customer_value (clv_model_version, predicted_clv_lifetime desc, customer_id);
create index fact_customer_value_by_customer on gold.fact_customer_value (customer_id);
