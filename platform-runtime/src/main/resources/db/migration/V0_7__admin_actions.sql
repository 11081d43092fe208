-- Who did which operator action, and when (AdminActions): rebuilds, refits, model activations, plan changes.
create table platform.admin_actions (
    action_id   bigserial   primary key,
    action      text        not null,
    target      text,
    acted_by    text        not null,              -- the token's subject
    acted_roles text[]      not null,
    acted_at    timestamptz not null default now(),
    detail      jsonb
);
create index admin_actions_by_action on platform.admin_actions (action, acted_at);
