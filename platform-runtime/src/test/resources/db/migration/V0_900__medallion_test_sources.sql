-- Test only (platform-runtime's own tests): the bronze and silver tables of the "medallion-test" domain that
-- TestMedallionDomain declares, one source the service writes itself and one that clients write.
create table bronze.test_produced (
    bronze_id        bigserial primary key,
    source_system    text        not null,
    source_record_id text        not null,
    batch_id         uuid,
    received_at      timestamptz not null default now(),
    payload          jsonb       not null,
    customer_id      text        not null,
    amount           numeric(10, 2) not null
);
create index test_produced_by_batch on bronze.test_produced (batch_id);

create table silver.test_produced (
    record_id   text           primary key,
    customer_id text           not null,
    amount      numeric(10, 2) not null,
    bronze_id   bigint         not null
);

create table bronze.test_feed (
    bronze_id        bigserial primary key,
    source_system    text        not null,
    source_record_id text        not null,
    batch_id         uuid,
    received_at      timestamptz not null default now(),
    payload          jsonb       not null,
    customer_id      text        not null
);
