-- Next-best-action: customer value from clv-service, the action catalogue, issued actions and their acceptance.

-- ---------------------------------------------------------------- bronze
-- clv-service's predictions, as consumed (customer-value predicted and decile-changed events).
create table bronze.retail_customer_value (
    bronze_id              bigserial primary key,
    source_system          text        not null,
    source_record_id       text        not null,   -- customer id @ clv model version
    batch_id               uuid,
    event_id               text,
    received_at            timestamptz not null default now(),
    payload                jsonb       not null,
    customer_id            text        not null,
    clv_model_version      integer     not null,
    prediction_date        date        not null,
    predicted_clv_lifetime numeric(18, 2) not null,
    clv_decile             smallint    not null
);
create index retail_customer_value_by_batch on bronze.retail_customer_value (batch_id);

-- Every action issued, as issued (the contact log the contact policy counts).
create table bronze.retail_next_best_action (
    bronze_id             bigserial primary key,
    source_system         text        not null,
    source_record_id      text        not null,    -- the issue id
    batch_id              uuid,
    received_at           timestamptz not null default now(),
    payload               jsonb       not null,
    action_id             text        not null,    -- the issue id (the roadmap's name)
    catalogue_action_id   text        not null,
    customer_id           text        not null,
    action_type           text        not null,
    action_recommendation text        not null,
    product_id            text,
    channel               text        not null,
    priority              integer     not null,
    expiry                timestamptz not null,
    trigger               text        not null,
    propensity            double precision not null,
    value                 numeric(18, 2) not null,
    expected_value        double precision not null,
    rank_for_customer     integer     not null,
    issued_at             timestamptz not null,
    issued_by             text        not null
);
create index retail_next_best_action_contacts on bronze.retail_next_best_action (customer_id, issued_at);
create unique index retail_next_best_action_by_id on bronze.retail_next_best_action (action_id);

-- ---------------------------------------------------------------- silver
-- The latest prediction per customer: the newest clv model version's.
create table silver.customer_value (
    customer_id            text    primary key,
    clv_model_version      integer not null,
    prediction_date        date    not null,
    predicted_clv_lifetime numeric(18, 2) not null,
    clv_decile             smallint not null,
    bronze_id              bigint  not null
);

-- What marketing may offer: eligibility (value deciles, product not held), trigger, priority, channel, weight, expiry.
create table silver.next_best_action_catalogue (
    action_id             text    primary key,
    action_type           text    not null,
    action_recommendation text    not null,
    product_id            text,
    trigger               text    not null check (trigger in ('Lifecycle Event', 'Threshold', 'Churn Risk')),
    priority              integer not null check (priority between 1 and 9),
    channel               text    not null,
    business_weight       double precision not null check (business_weight > 0),
    valid_days            integer not null check (valid_days between 1 and 365),
    min_decile            smallint check (min_decile between 1 and 10),
    max_decile            smallint check (max_decile between 1 and 10),
    active                boolean not null default true,
    updated_at            timestamptz not null default now(),
    updated_by            text    not null
);

-- Acceptance of issued actions (one per issue).
create table silver.next_best_action_acceptance (
    action_id   text        primary key,          -- the issue id
    accepted_at timestamptz not null,
    accepted_by text        not null
);
