-- Personalization: the feature store (definitions, values as received, their history and the online latest values).

-- What a feature is: its value type (checked on every value), how it is produced and how long a value stays valid.
create table silver.ml_feature_definition (
    feature_name      text primary key,
    entity            text        not null,
    value_type        text        not null check (value_type in ('number', 'string', 'boolean')),
    feature_type      text        not null check (feature_type in ('Real-Time', 'Batch', 'Derived')),
    feature_version   integer     not null,
    data_source       text,
    calculation_logic text,
    ttl_seconds       bigint      not null check (ttl_seconds >= 0),  -- 0: never expires
    description       text,
    defined_by        text        not null,
    defined_at        timestamptz not null default now()
);

create table bronze.retail_ml_features (
    bronze_id         bigserial primary key,
    source_system     text        not null,
    source_record_id  text        not null,  -- feature id
    batch_id          uuid,
    event_id          text,
    received_at       timestamptz not null default now(),
    payload           jsonb       not null,
    feature_id        text        not null,
    customer_id       text        not null,
    feature_name      text        not null,
    feature_value     jsonb       not null,
    feature_timestamp timestamptz not null,
    feature_version   integer,
    feature_type      text,
    data_source       text,
    calculation_logic text
);
create index retail_ml_features_by_batch on bronze.retail_ml_features (batch_id);

-- Every valid value (the point-in-time history): event time is when it became true, created time when the store
-- learnt it (bronze's received_at), which breaks ties.
create table silver.ml_feature_value (
    feature_id    text primary key,
    customer_id   text        not null,
    feature_name  text        not null,
    feature_value jsonb       not null,
    event_time    timestamptz not null,
    created_time  timestamptz not null,
    bronze_id     bigint      not null
);
create index ml_feature_value_as_of on silver.ml_feature_value (customer_id, feature_name, event_time, created_time);

-- The online store: the latest value per customer and feature (TTL applied at read time).
create table silver.retail_customer_features_aggregated (
    customer_id   text        not null,
    feature_name  text        not null,
    feature_value jsonb       not null,
    event_time    timestamptz not null,
    created_time  timestamptz not null,
    bronze_id     bigint      not null,
    primary key (customer_id, feature_name)
);
