-- The roadmap's gold star: conformed date, context and product dimensions, and three facts kept current by the
-- served-list, feedback and issued-action promotions (per batch) and rebuilt from silver by the admin rebuild.

create table gold.dim_date (
    date_key    integer primary key,               -- yyyymmdd (UTC)
    date        date    not null unique,
    year        integer not null,
    quarter     integer not null,
    month       integer not null,
    iso_week    integer not null,
    day_of_week integer not null                   -- ISO: 1 = Monday
);
-- every date ingestion accepts (1900-01-01 .. 2199-12-31), so that a date-key lookup cannot miss
insert into gold.dim_date
select to_char(d, 'YYYYMMDD')::integer, d, extract(year from d), extract(quarter from d), extract(month from d),
       extract(week from d), extract(isodow from d)
from generate_series(date '1900-01-01', date '2199-12-31', interval '1 day') g(g), lateral (select g::date d) x;

create table gold.dim_recommendation_context (
    context_key smallint primary key,
    context     text     not null unique,          -- the serving API's spelling
    kind        text     not null                  -- Digital / Outbound / Assisted
);
insert into gold.dim_recommendation_context values
    (1, 'Homepage', 'Digital'), (2, 'Account Dashboard', 'Digital'), (3, 'Mobile App', 'Digital'),
    (4, 'Email', 'Outbound'), (5, 'Branch', 'Assisted');

-- Products as recommendations and actions name them (no source delivers product attributes yet).
create table gold.dim_product (
    product_key serial primary key,
    product_id  text   not null unique
);

-- Grain: one served recommendation (one product in one served list), with the funnel it has reached so far.
create table gold.fact_product_recommendations (
    recommendation_id  text        primary key,
    served_date_key    integer     not null references gold.dim_date (date_key),
    served_at          timestamptz not null,
    customer_id        text        not null,
    product_key        integer     not null references gold.dim_product (product_key),
    algorithm_key      integer     not null references gold.dim_recommendation_algorithm (algorithm_key),
    model_version      integer     references gold.dim_recommendation_model (model_version),
    context_key        smallint    not null references gold.dim_recommendation_context (context_key),
    rank               integer     not null,
    score              double precision not null,
    displayed          boolean     not null,
    clicked            boolean     not null,
    dismissed          boolean     not null,
    converted          boolean     not null,
    conversion_amount  numeric(18, 2) not null,
    dwell_time_seconds integer     not null
);
create index fact_product_recommendations_by_time on gold.fact_product_recommendations (served_at);

-- Grain: one converted recommendation, at its first conversion.
create table gold.fact_recommendation_conversions (
    recommendation_id   text        primary key references gold.fact_product_recommendations (recommendation_id),
    conversion_date_key integer     not null references gold.dim_date (date_key),
    converted_at        timestamptz not null,
    served_date_key     integer     not null references gold.dim_date (date_key),
    customer_id         text        not null,
    product_key         integer     not null references gold.dim_product (product_key),
    algorithm_key       integer     not null references gold.dim_recommendation_algorithm (algorithm_key),
    model_version       integer     references gold.dim_recommendation_model (model_version),
    context_key         smallint    not null references gold.dim_recommendation_context (context_key),
    conversion_amount   numeric(18, 2) not null,
    seconds_to_convert  bigint      not null
);

-- Grain: one issued next-best-action, with its acceptance; expired = not accepted and expiry passed (at read time).
create table gold.fact_next_best_action_performance (
    action_id           text        primary key,   -- the issue id
    catalogue_action_id text        not null,
    customer_id         text        not null,
    action_type         text        not null,
    channel             text        not null,
    trigger             text        not null,
    product_key         integer     references gold.dim_product (product_key),
    issued_date_key     integer     not null references gold.dim_date (date_key),
    issued_at           timestamptz not null,
    expiry              timestamptz not null,
    priority            integer     not null,
    rank_for_customer   integer     not null,
    propensity          double precision not null,
    value               numeric(18, 2) not null,
    expected_value      double precision not null,
    accepted            boolean     not null,
    accepted_at         timestamptz,
    accepted_date_key   integer     references gold.dim_date (date_key)
);
create index fact_next_best_action_performance_by_action
    on gold.fact_next_best_action_performance (catalogue_action_id);
