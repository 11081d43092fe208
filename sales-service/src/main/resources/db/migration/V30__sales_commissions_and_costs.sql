-- Commission plans: configuration entered through the API (not derived from bronze), versioned by effective date.
create table silver.retail_sales_commission_plan (
    plan_id              text    not null,
    effective_from       date    not null,
    name                 text,
    quota_period         text    not null,            -- month, quarter, year
    rates                jsonb   not null,            -- {"New Account": 0.05, "Cross-Sell": 0.03, "Referral": 0.02}
    tiers                jsonb   not null,            -- [{"fromPercent":0,"toPercent":100,"multiplier":1.0}, ...]
    retroactive          boolean not null,
    cap_amount           numeric(18, 2),
    clawback_window_days integer not null,
    updated_at           timestamptz not null default now(),
    primary key (plan_id, effective_from)
);

-- The commission ledger: append-only lines per (rep, opportunity, type); the sum of a key's lines is what it is
-- owed. Repricing, late deals and clawbacks add lines, never change old ones.
create table silver.retail_sales_commission_line (
    line_id          bigserial primary key,
    rep_id           text          not null,
    opportunity_id   text          not null,
    account_id       text          not null,
    commission_type  text          not null,         -- New Account, Cross-Sell, Referral
    line_kind        text          not null,         -- earned, adjustment, clawback
    period           text          not null,         -- quota period label of the deal's win: 2026-11, 2026-Q4, 2026
    won_date         date          not null,
    line_date        date          not null,         -- win date; the reversal date for a clawback
    amount           numeric(18, 2) not null,        -- this line (negative for clawbacks and downward adjustments)
    entitled_amount  numeric(18, 2) not null,        -- what the key is owed after this line
    deal_amount      numeric(18, 2) not null,
    base_rate        numeric(9, 6)  not null,
    multiplier       numeric(9, 4)  not null,
    tier             text,
    plan_id          text,                           -- null: the rep's own commission_rate
    product          text,
    currency         text          not null,
    batch_id         uuid,                           -- the ingestion batch that caused it (null: recalculation)
    computed_at      timestamptz   not null default now()
);
create index retail_sales_commission_line_rep on silver.retail_sales_commission_line (rep_id, won_date);
create index retail_sales_commission_line_opp on silver.retail_sales_commission_line (opportunity_id);

-- Commissions as the compensation system reported them: the newest valid version per commission id.
create table silver.retail_sales_commission_reported (
    commission_id   text primary key,
    rep_id          text          not null,
    opportunity_id  text,
    commission_type text          not null,
    amount          numeric(18, 2) not null,
    currency        text,
    period          text          not null,
    period_start    date          not null,
    paid            boolean,
    paid_date       date,
    last_bronze_id  bigint        not null,
    updated_at      timestamptz   not null default now()
);
create index retail_sales_commission_reported_pair on silver.retail_sales_commission_reported (rep_id, opportunity_id);

-- Reported vs computed per (rep, opportunity, type); opportunity_id '' for a reported line without one.
create table silver.retail_sales_commission_reconciled (
    rep_id            text          not null,
    opportunity_id    text          not null,
    commission_type   text          not null,
    period            text          not null,
    period_date       date          not null,        -- the deal's win date, else the reported period's first day
    computed_amount   numeric(18, 2),
    reported_amount   numeric(18, 2),
    difference        numeric(18, 2) not null,       -- computed - reported (missing side counts as 0)
    status            text          not null,        -- matched, amount-mismatch, missing-in-compensation-system, not-computed-by-engine
    paid              boolean,
    reported_commission_ids text[]  not null default '{}',
    refreshed_at      timestamptz   not null default now(),
    primary key (rep_id, opportunity_id, commission_type)
);
create index retail_sales_commission_reconciled_period on silver.retail_sales_commission_reconciled (period_date);

-- Sales and marketing cost: the newest valid version per cost id.
create table silver.retail_sales_cost (
    cost_id        text primary key,
    period         text          not null,           -- a month, 2026-11
    period_start   date          not null,
    campaign_id    text,
    cost_category  text          not null,           -- sales, marketing
    amount         numeric(18, 2) not null,
    currency       text,
    last_bronze_id bigint        not null,
    updated_at     timestamptz   not null default now()
);
create index retail_sales_cost_period on silver.retail_sales_cost (period_start);

-- Grain: one commission ledger line.
create table gold.fact_sales_commissions (
    line_id         bigint primary key,
    date_key        integer not null references gold.dim_date (date_key),
    rep_key         bigint,                          -- dim_sales_rep version in force on the line date (no FK: the dim is rebuilt)
    rep_id          text    not null,
    product_key     integer not null references gold.dim_product (product_key),
    commission_type text    not null,
    line_kind       text    not null,
    is_clawback     boolean not null,
    period          text    not null,
    opportunity_id  text    not null,
    account_id      text    not null,
    amount          numeric(18, 2) not null,
    deal_amount     numeric(18, 2) not null,
    base_rate       numeric(9, 6)  not null,
    multiplier      numeric(9, 4)  not null
);
create index fact_sales_commissions_date on gold.fact_sales_commissions (date_key);
create index fact_sales_commissions_rep on gold.fact_sales_commissions (rep_id);
