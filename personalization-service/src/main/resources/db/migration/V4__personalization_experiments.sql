-- Personalization: A/B experiment definitions as received and the current definition per experiment.

create table bronze.retail_ab_test_experiments (
    bronze_id             bigserial primary key,
    source_system         text        not null,
    source_record_id      text        not null,  -- experiment id
    batch_id              uuid,
    event_id              text,
    received_at           timestamptz not null default now(),
    payload               jsonb       not null,
    experiment_id         text        not null,
    name                  text        not null,
    experiment_type       text,
    start_date            date,
    end_date              date,
    status                text        not null,
    hypothesis            text,
    success_metric        text        not null,
    control_variant_id    text        not null,
    treatment_variant_ids jsonb       not null,
    variants              jsonb       not null,
    weights               jsonb       not null,
    coverage              double precision,
    hash_attribute        text,
    seed                  text,
    hash_version          integer,
    namespace_id          text,
    namespace_start       double precision,
    namespace_end         double precision,
    condition             jsonb
);
create index retail_ab_test_experiments_by_batch on bronze.retail_ab_test_experiments (batch_id);

-- The current definition of each experiment (latest valid bronze version wins); what assignment reads.
create table silver.ab_experiment (
    experiment_id         text primary key,
    name                  text             not null,
    experiment_type       text,
    start_date            date,
    end_date              date,
    status                text             not null,
    hypothesis            text,
    success_metric        text             not null,
    control_variant_id    text             not null,
    treatment_variant_ids jsonb            not null,
    variants              jsonb            not null,
    weights               jsonb            not null,
    coverage              double precision not null,
    hash_attribute        text             not null,
    seed                  text             not null,
    hash_version          integer          not null,
    namespace_id          text,
    namespace_start       double precision,
    namespace_end         double precision,
    condition             jsonb,
    version               integer          not null,
    updated_at            timestamptz      not null,
    bronze_id             bigint           not null
);
