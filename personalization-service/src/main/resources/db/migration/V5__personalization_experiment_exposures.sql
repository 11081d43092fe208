-- Personalization: who was exposed to which variant of an experiment and whether they converted.

create table bronze.retail_ab_test_variants (
    bronze_id         bigserial primary key,
    source_system     text        not null,
    source_record_id  text        not null,  -- experimentId:customerId
    batch_id          uuid,
    event_id          text,
    received_at       timestamptz not null default now(),
    payload           jsonb       not null,
    experiment_id     text        not null,
    customer_id       text        not null,
    variant_id        text        not null,
    assignment_date   timestamptz not null,
    exposure_count    integer     not null,
    conversion_flag   boolean     not null,
    conversion_date   timestamptz,
    metric_value      double precision,       -- the success metric for this customer (default: conversion 0/1)
    pre_metric_value  double precision        -- the same metric before the experiment (CUPED's covariate)
);
create index retail_ab_test_variants_by_batch on bronze.retail_ab_test_variants (batch_id);

-- One row per experiment x customer: the latest valid record wins.
create table silver.ab_assignment (
    experiment_id    text             not null,
    customer_id      text             not null,
    variant_id       text             not null,
    assignment_date  timestamptz      not null,
    exposure_count   integer          not null,
    conversion_flag  boolean          not null,
    conversion_date  timestamptz,
    metric_value     double precision not null,
    pre_metric_value double precision,
    bronze_id        bigint           not null,
    primary key (experiment_id, customer_id)
);
create index ab_assignment_by_variant on silver.ab_assignment (experiment_id, variant_id);

create table gold.dim_ab_experiment (
    experiment_key     serial primary key,
    experiment_id      text    not null unique,
    name               text    not null,
    experiment_type    text,
    status             text    not null,
    hypothesis         text,
    success_metric     text    not null,
    control_variant_id text    not null,
    variants           jsonb   not null,
    weights            jsonb   not null,
    start_date         date,
    end_date           date,
    version            integer not null
);

-- Grain: one experiment x customer.
create table gold.fact_ab_test_assignments (
    experiment_key   integer          not null references gold.dim_ab_experiment (experiment_key),
    customer_id      text             not null,
    variant_id       text             not null,
    is_control       boolean          not null,
    date_key         integer          not null references gold.dim_date (date_key),
    exposure_count   integer          not null,
    converted        boolean          not null,
    conversion_date  timestamptz,
    metric_value     double precision not null,
    pre_metric_value double precision,
    bronze_id        bigint           not null,
    primary key (experiment_key, customer_id)
);
