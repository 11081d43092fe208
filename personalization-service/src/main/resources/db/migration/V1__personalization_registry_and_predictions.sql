-- Personalization: the model registry and the prediction store (bronze as received, silver golden records, gold star).

-- ---------------------------------------------------------------- conformed dimensions
create table gold.dim_date (
    date_key      integer primary key,        -- yyyymmdd
    calendar_date date    not null unique,
    year          integer not null,
    quarter       integer not null,
    month         integer not null,
    iso_week      integer not null,
    day_of_week   integer not null,            -- ISO: 1 = Monday
    is_weekend    boolean not null,
    year_month    text    not null             -- '2026-11'
);
insert into gold.dim_date
select to_char(d, 'YYYYMMDD')::integer, d, extract(year from d), extract(quarter from d), extract(month from d),
       extract(week from d), extract(isodow from d), extract(isodow from d) in (6, 7), to_char(d, 'YYYY-MM')
from generate_series(date '2000-01-01', date '2050-12-31', interval '1 day') as g(t), lateral (select t::date) x(d);

-- ---------------------------------------------------------------- model registry
-- One row per received version of a model version (API or a training service's model-version-trained event).
create table bronze.retail_ml_model_registry (
    bronze_id           bigserial primary key,
    source_system       text        not null,
    source_record_id    text        not null,  -- modelId@version
    batch_id            uuid,
    event_id            text,
    received_at         timestamptz not null default now(),
    payload             jsonb       not null,
    model_id            text        not null,
    name                text        not null,
    model_type          text        not null,
    version             integer     not null,
    deployment_date     timestamptz,
    training_dataset_id text,
    code_version        text,
    model_metrics       jsonb,
    active_flag         boolean,
    deprecation_date    timestamptz
);
create index retail_ml_model_registry_by_batch on bronze.retail_ml_model_registry (batch_id);

-- The registry's versions: lineage (data set, code) is fixed at registration; name, metrics, activity and
-- deprecation follow the latest valid record.
create table silver.ml_model_version (
    model_id            text        not null,
    version             integer     not null,
    name                text        not null,
    model_type          text        not null,
    deployment_date     timestamptz,
    training_dataset_id text,
    code_version        text,
    model_metrics       jsonb       not null default '{}',
    active_flag         boolean     not null default false,
    deprecation_date    timestamptz,
    source_system       text        not null,
    bronze_id           bigint      not null,  -- lineage: the record that set the current values
    first_bronze_id     bigint      not null,  -- the record that registered the version
    registered_at       timestamptz not null default now(),
    primary key (model_id, version)
);

-- Aliases (MLflow's replacement for stages): a named pointer to one version of a model, and every move of it.
create table silver.ml_model_alias (
    model_id  text        not null,
    alias     text        not null,
    version   integer     not null,
    moved_by  text        not null,
    moved_at  timestamptz not null default now(),
    primary key (model_id, alias),
    foreign key (model_id, version) references silver.ml_model_version (model_id, version)
);
create table silver.ml_model_alias_history (
    move_id          bigserial primary key,
    model_id         text        not null,
    alias            text        not null,
    version          integer     not null,
    previous_version integer,
    moved_by         text        not null,
    moved_at         timestamptz not null default now()
);
create index ml_model_alias_history_by_alias on silver.ml_model_alias_history (model_id, alias, move_id);

create table gold.dim_ml_model (
    model_key           serial primary key,
    model_id            text        not null,
    version             integer     not null,
    name                text        not null,
    model_type          text        not null,
    training_dataset_id text,
    code_version        text,
    deployment_date     timestamptz,
    deprecation_date    timestamptz,
    active_flag         boolean     not null,
    unique (model_id, version)
);

-- ---------------------------------------------------------------- prediction store
create table bronze.retail_ml_model_predictions (
    bronze_id            bigserial primary key,
    source_system        text        not null,
    source_record_id     text        not null,  -- prediction id
    batch_id             uuid,
    event_id             text,
    received_at          timestamptz not null default now(),
    payload              jsonb       not null,
    prediction_id        text        not null,
    customer_id          text        not null,
    model_id             text        not null,
    model_version        integer     not null,
    prediction_type      text        not null,
    predicted_value      double precision not null,
    confidence_score     double precision,
    feature_values       jsonb,
    prediction_timestamp timestamptz not null,
    model_runtime_ms     double precision
);
create index retail_ml_model_predictions_by_batch on bronze.retail_ml_model_predictions (batch_id);

-- A front end's hot path: the latest valid prediction per customer and type (latest prediction time wins, the later
-- received record breaks ties).
create table silver.ml_prediction_latest (
    customer_id          text        not null,
    prediction_type      text        not null,
    prediction_id        text        not null,
    model_id             text        not null,
    model_version        integer     not null,
    predicted_value      double precision not null,
    confidence_score     double precision,
    prediction_timestamp timestamptz not null,
    bronze_id            bigint      not null,
    primary key (customer_id, prediction_type)
);

-- Grain: one prediction (a later version of the same prediction id replaces it).
create table gold.fact_ml_model_predictions (
    prediction_id        text primary key,
    customer_id          text        not null,
    model_key            integer     not null references gold.dim_ml_model (model_key),
    date_key             integer     not null references gold.dim_date (date_key),
    prediction_type      text        not null,
    predicted_value      double precision not null,
    confidence_score     double precision,
    feature_values       jsonb,
    prediction_timestamp timestamptz not null,
    model_runtime_ms     double precision,
    bronze_id            bigint      not null
);
create index fact_ml_model_predictions_by_customer
    on gold.fact_ml_model_predictions (customer_id, prediction_type, prediction_timestamp desc);
create index fact_ml_model_predictions_by_model on gold.fact_ml_model_predictions (model_key, date_key);
