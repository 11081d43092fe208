-- Shared by every service (shipped in platform-runtime). Service migrations start at V1; platform ones stay
-- below 1, which is why services run Flyway with out-of-order enabled.
create schema if not exists bronze;
create schema if not exists silver;
create schema if not exists gold;
create schema if not exists platform;

comment on schema bronze is 'Raw records as received, append-only, with ingestion metadata';
comment on schema silver is 'Validated, deduplicated golden records with lineage to bronze';
comment on schema gold is 'Dimensions and facts derived from silver';
comment on schema platform is 'Outbox, inbox and idempotency bookkeeping';

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka afterwards.
create table platform.outbox (
    seq          bigserial primary key,          -- write order; the relay publishes in this order
    id           uuid        not null unique,    -- the CloudEvent id (ce_id)
    topic        text        not null,           -- logical topic, without the deployment's prefix
    record_key   text,                           -- Kafka key: the customer id where there is one
    ce_type      text        not null,
    ce_source    text        not null,
    ce_subject   text,
    ce_time      timestamptz not null,
    payload      jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);
create index outbox_pending on platform.outbox (seq) where published_at is null;

-- Idempotent consumers: one row per processed event, written in the same transaction as its effect.
create table platform.inbox (
    source       text        not null,
    event_id     text        not null,
    event_type   text        not null,
    topic        text,
    kafka_partition integer,
    kafka_offset bigint,
    processed_at timestamptz not null default now(),
    primary key (source, event_id)
);

-- Idempotency-Key of write requests: the first response is stored and replayed to retries.
create table platform.idempotency_keys (
    scope           text        not null,
    idempotency_key text        not null,
    request_sha256  text        not null,
    response_status integer,
    response_body   jsonb,
    created_at      timestamptz not null default now(),
    primary key (scope, idempotency_key)
);
