-- Issued actions that reached their expiry unaccepted, each recorded (and announced) once by the expiry sweep.
create table silver.next_best_action_expiry (
    action_id    text        primary key,          -- the issue id
    expired_at   timestamptz not null,             -- the action's expiry
    announced_at timestamptz not null default now()
);
create index retail_next_best_action_by_expiry on bronze.retail_next_best_action (expiry);
