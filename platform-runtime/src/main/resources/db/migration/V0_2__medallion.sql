-- The medallion mechanism every service shares (platform-runtime): the ledger of ingestion batches, which the
-- promoter works through in order, and the quarantine of records that failed a data-quality rule.

-- One row per ingestion call (a bulk batch, an upsert, a consumed event), written in the same transaction as its
-- bronze rows. seq is the promotion order; the caller's identity makes bronze an audit trail.
create table platform.ingestion_batches (
    seq              bigserial   primary key,
    batch_id         uuid        not null unique,
    source           text        not null,              -- the source's name ('opportunities', 'transactions')
    source_system    text        not null,
    records          integer     not null,
    received_at      timestamptz not null default now(),
    received_by      text        not null,              -- token subject, or 'event:<ce_source>/<ce_id>'
    received_roles   text[]      not null default '{}',
    idempotency_key  text,
    awaited          boolean     not null default false, -- a caller waits for it: promoted on its own
    status           text        not null default 'accepted'
                     check (status in ('accepted', 'promoted', 'failed')),
    attempts         integer     not null default 0,
    last_error       text,
    promoted_at      timestamptz,
    promoted_with    integer,                           -- batches promoted in the same transaction (>= 1)
    quarantined      integer,
    events_queued    integer,
    promotion_millis integer
);
create index ingestion_batches_pending on platform.ingestion_batches (seq) where status = 'accepted';

-- Records that reached bronze but broke a data-quality rule; a later valid version of the record resolves them.
create table silver.data_quality_quarantine (
    quarantine_id    bigserial   primary key,
    source           text        not null,
    source_table     text        not null,
    source_record_id text        not null,
    source_system    text        not null,
    customer_id      text,
    bronze_id        bigint      not null,
    batch_id         uuid        not null,
    rule             text        not null,              -- e.g. 'stage.known'
    field            text        not null,              -- the record field, as the API names it
    reason           text        not null,
    quarantined_at   timestamptz not null default now(),
    resolved_at      timestamptz,
    unique (source, bronze_id, rule)
);
create index data_quality_quarantine_open on silver.data_quality_quarantine (source, quarantine_id)
    where resolved_at is null;
create index data_quality_quarantine_by_record on silver.data_quality_quarantine (source, source_record_id);
create index data_quality_quarantine_by_customer on silver.data_quality_quarantine (customer_id);
create index data_quality_quarantine_by_batch on silver.data_quality_quarantine (batch_id);
