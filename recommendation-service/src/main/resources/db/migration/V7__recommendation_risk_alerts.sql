-- sentiment-service's at-risk alerts, as consumed: each one triggers the customer's Churn Risk next-best-actions.
create table bronze.retail_customer_risk_alerts (
    bronze_id        bigserial primary key,
    source_system    text        not null,
    source_record_id text        not null,      -- customer id @ the analysed text's id
    batch_id         uuid,
    event_id         text,
    received_at      timestamptz not null default now(),
    payload          jsonb       not null,
    customer_id      text        not null,
    reasons          text        not null,      -- leave-intent, negative-sentiment (comma-separated)
    channel          text,
    score            numeric(6, 4),
    occurred_at      timestamptz not null
);
create index retail_customer_risk_alerts_by_batch on bronze.retail_customer_risk_alerts (batch_id);
