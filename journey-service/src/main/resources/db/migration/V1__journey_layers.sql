-- Journeys: bronze as received (definitions, journey events, customers' contact preferences, marketing touchpoints),
-- silver golden records and journey state, driven by the runtime in org.retailcx.journey.pipeline.

-- ---------------------------------------------------------------- bronze (as received, append-only)
-- Every journey definition version as submitted, valid or not (the audit trail of who tried to publish what).
create table bronze.retail_journey_definitions (
    bronze_id        bigserial primary key,
    source_system    text        not null,
    source_record_id text        not null,            -- journey key @ version
    batch_id         uuid,
    received_at      timestamptz not null default now(),
    received_by      text        not null,
    payload          jsonb       not null,
    journey_key      text        not null,
    version          integer,                         -- null when the submission was refused
    accepted         boolean     not null,
    problems         jsonb                            -- why it was refused
);

-- Events that move journeys: other services' domain events (consumed) and ingested digital steps (app, web).
create table bronze.retail_journey_events (
    bronze_id           bigserial primary key,
    source_system       text        not null,
    source_record_id    text        not null,
    batch_id            uuid,
    event_id            text,                         -- ce_id when the row came from a consumed event
    received_at         timestamptz not null default now(),
    payload             jsonb       not null,
    event_type          text        not null,
    customer_id         text        not null,         -- the journey subject: a customer id, or a golden lead id
    subject_type        text        not null,         -- customer | lead
    occurred_at         timestamptz,                  -- null: when it reached bronze (received_at)
    data                jsonb       not null,         -- what CEL conditions read as `event`
    customer_attributes jsonb,                        -- attributes the event tells about the customer (clv decile)
    conversion_value    numeric(18, 2)                -- set on conversions (a won deal's amount)
);
create index retail_journey_events_by_batch on bronze.retail_journey_events (batch_id);

-- Customers' contact preferences and attributes (zone, quiet hours, opt-outs) from the CRM.
create table bronze.retail_journey_customers (
    bronze_id          bigserial primary key,
    source_system      text        not null,
    source_record_id   text        not null,
    batch_id           uuid,
    received_at        timestamptz not null default now(),
    payload            jsonb       not null,
    customer_id        text        not null,
    time_zone          text        not null,
    quiet_hours_start  time,
    quiet_hours_end    time,
    opted_out_channels text[],
    attributes         jsonb
);
create index retail_journey_customers_by_batch on bronze.retail_journey_customers (batch_id);

-- Marketing touchpoints (channel, campaign, customer, time, cost) from the marketing platforms.
create table bronze.retail_marketing_touchpoints (
    bronze_id        bigserial primary key,
    source_system    text        not null,
    source_record_id text        not null,
    batch_id         uuid,
    received_at      timestamptz not null default now(),
    payload          jsonb       not null,
    touchpoint_id    text        not null,
    customer_id      text        not null,
    channel          text        not null,
    campaign_id      text,
    touched_at       timestamptz not null,
    cost             numeric(18, 2)
);
create index retail_marketing_touchpoints_by_batch on bronze.retail_marketing_touchpoints (batch_id);

-- ---------------------------------------------------------------- silver
-- Journey definitions, versioned: one published version per journey at a time; instances keep their version.
create table silver.journey_definition (
    journey_key      text        not null,
    version          integer     not null check (version >= 1),
    status           text        not null check (status in ('draft', 'published', 'retired')),
    entry_event_type text        not null,
    definition       jsonb       not null,
    bronze_id        bigint      not null,
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    published_by     text,
    published_at     timestamptz,
    primary key (journey_key, version)
);
create unique index journey_definition_one_published on silver.journey_definition (journey_key)
    where status = 'published';

-- A customer is known once the CRM, clv or a customer-keyed domain event names them.
create table silver.journey_customer (
    customer_id        text primary key,
    time_zone          text,
    quiet_hours_start  time,
    quiet_hours_end    time,
    opted_out_channels text[]      not null default '{}',
    attributes         jsonb       not null default '{}',
    source_bronze_id   bigint,
    updated_at         timestamptz not null default now()
);

-- Where each customer stands in each journey they entered (the roadmap's real-time journey state).
create table silver.retail_journey_state_real_time (
    instance_id           text primary key,
    customer_id           text        not null,
    journey_id            text        not null,       -- the journey key
    journey_version       integer     not null,
    status                text        not null,       -- ACTIVE ABANDONED ENDED COMPLETED EXITED
    entered_at            timestamptz not null,
    current_node          text        not null,
    node_entered_at       timestamptz not null,
    current_stage         text,
    stage_entry_timestamp timestamptz,
    pending_timer_id      text,
    timer_node            text,
    timer_fire_at         timestamptz,
    abandon_due_at        timestamptz,                -- when the stage's expected time runs out
    processed_event_ids   text[]      not null,
    sequence              bigint      not null,
    recovery_attempts     integer     not null default 0,
    next_best_action      text,                       -- the last action requested
    finished_at           timestamptz,
    updated_at            timestamptz not null default now(),
    foreign key (journey_id, journey_version) references silver.journey_definition (journey_key, version)
);
create index journey_state_by_customer on silver.retail_journey_state_real_time (customer_id, journey_id, entered_at);
create index journey_state_timers on silver.retail_journey_state_real_time (timer_fire_at)
    where timer_fire_at is not null;
create index journey_state_abandon_due on silver.retail_journey_state_real_time (abandon_due_at)
    where status = 'ACTIVE' and abandon_due_at is not null;

-- Every transition of every instance, in order (step = the instance's sequence after the step).
-- An abandonment keeps the step number of the step before it, so (instance, step, ord) is not a key.
create table silver.journey_transition (
    transition_id bigserial   primary key,
    instance_id   text        not null references silver.retail_journey_state_real_time (instance_id),
    step          bigint      not null,
    ord           integer     not null,
    kind          text        not null,
    from_node     text,
    to_node       text,
    stage         text,
    detail        text,
    cause         text        not null,                -- the event id or timer id that made the step
    occurred_at   timestamptz not null
);
create index journey_transition_by_instance on silver.journey_transition (instance_id, step, ord);
create index journey_transition_by_kind on silver.journey_transition (kind, occurred_at);

-- Abandonments with their recovery (the roadmap's journey abandonment).
create table silver.retail_journey_abandonment (
    abandonment_id         bigserial   primary key,
    instance_id            text        not null references silver.retail_journey_state_real_time (instance_id),
    abandonment_timestamp  timestamptz not null,
    journey_id             text        not null,
    journey_version        integer     not null,
    customer_id            text        not null,
    journey_type           text        not null,
    abandonment_stage      text        not null,
    abandonment_reason     text        not null,
    recovery_attempt_count integer     not null default 0,
    recovered_at           timestamptz,
    unique (instance_id, abandonment_timestamp)
);

-- Actions journeys asked for, and what the contact rules made of them.
create table silver.journey_action (
    action_id     text primary key,
    instance_id   text        not null references silver.retail_journey_state_real_time (instance_id),
    customer_id   text        not null,
    journey_id    text        not null,
    node_id       text        not null,
    action_type   text        not null,               -- MESSAGE | NEXT_BEST_ACTION
    channel       text,
    content       text,
    requested_at  timestamptz not null,
    status        text        not null check (status in ('released', 'deferred', 'suppressed')),
    due_at        timestamptz,                        -- a deferred message is released then (re-checked)
    reason        text,
    released_at   timestamptz
);
create index journey_action_due on silver.journey_action (due_at) where status = 'deferred';
create index journey_action_sent on silver.journey_action (customer_id, released_at) where status = 'released';

-- Frequency caps and quiet hours per channel (marketing sets them).
create table silver.journey_channel_policy (
    channel           text primary key,
    caps              jsonb       not null default '[]',   -- [{"maxMessages":2,"window":"LOCAL_DAY"}, …]
    quiet_hours_start time,
    quiet_hours_end   time,
    updated_by        text        not null,
    updated_at        timestamptz not null default now()
);

create table silver.marketing_touchpoint (
    touchpoint_id text primary key,
    customer_id   text        not null,
    channel       text        not null,
    campaign_id   text,
    touched_at    timestamptz not null,
    cost          numeric(18, 2) not null default 0,
    bronze_id     bigint      not null
);
create index marketing_touchpoint_by_customer on silver.marketing_touchpoint (customer_id, touched_at);

-- Conversions attribution credits: won deals (from sales' closed-won events).
create table silver.journey_conversion (
    conversion_id text primary key,                   -- e.g. the opportunity id
    customer_id   text        not null,
    event_type    text        not null,
    converted_at  timestamptz not null,
    value         numeric(18, 2) not null default 0,
    bronze_id     bigint      not null
);
create index journey_conversion_by_time on silver.journey_conversion (converted_at);
