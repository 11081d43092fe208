-- Orchestration rules (issue 15): condition → action with priority, written by the rules resource through the shared
-- medallion append (internal source), accepted and refused alike; silver holds each rule's current version, and one
-- row per (rule, event) judged, from which the statistics (evaluated, matched, fired) are counted exactly once.
create table bronze.retail_journey_orchestration_rules (
    bronze_id         bigserial primary key,
    source_system     text        not null,
    source_record_id  text        not null,            -- rule id
    batch_id          uuid,
    event_id          text,
    received_at       timestamptz not null default now(),
    payload           jsonb       not null,            -- the submission as sent
    rule_id           text        not null,
    journey_type      text,
    trigger_condition text,
    action_to_execute text,
    priority          integer,
    active_flag       boolean,
    accepted          boolean     not null,
    problems          jsonb                            -- why it was refused
);
create index retail_journey_orchestration_rules_by_batch on bronze.retail_journey_orchestration_rules (batch_id);

create table silver.journey_orchestration_rule (
    rule_id           text primary key,
    journey_type      text        not null,            -- a journey key, or * for any running journey
    trigger_condition text        not null,            -- CEL over event and customer
    action_to_execute text        not null,            -- message:<channel>:<template> | next-best-action:<placement>
    priority          integer     not null,            -- lower is judged first
    active_flag       boolean     not null,
    version           integer     not null,            -- accepted submissions of this rule so far
    updated_by        text        not null,
    updated_at        timestamptz not null default now(),
    bronze_id         bigint      not null
);

create table silver.journey_rule_outcome (
    rule_id      text        not null,
    event_id     text        not null,
    rule_version integer     not null,
    customer_id  text        not null,
    instance_id  text,                                 -- the running instance the fired action belongs to
    matched      boolean     not null,
    fired        boolean     not null,
    error        text,                                 -- the condition failed on this event
    action_id    text,
    judged_at    timestamptz not null default now(),
    primary key (rule_id, event_id)
);
