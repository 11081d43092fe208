-- Churn signals from clv-service's customer-value events, for the sentiment-to-churn correlation.

create table bronze.retail_customer_value_signals (
    bronze_id              bigserial   primary key,
    source_system          text        not null,
    source_record_id       text        not null,      -- customer id @ model version
    batch_id               uuid,
    received_at            timestamptz not null default now(),
    payload                jsonb       not null,
    event_id               text,                      -- the consumed event's ce_id
    customer_id            text        not null,
    model_version          integer     not null,
    prediction_date        date        not null,
    probability_alive      numeric(9, 6) not null,
    decile                 integer     not null,
    predicted_clv_lifetime numeric(18, 2)
);
create index retail_customer_value_signals_by_batch on bronze.retail_customer_value_signals (batch_id);

-- Each customer's latest churn signal (the newest prediction received).
create table silver.customer_churn_signal (
    customer_id            text          primary key,
    model_version          integer       not null,
    prediction_date        date          not null,
    probability_alive      numeric(9, 6) not null,
    decile                 integer       not null,
    predicted_clv_lifetime numeric(18, 2),
    bronze_id              bigint        not null
);
