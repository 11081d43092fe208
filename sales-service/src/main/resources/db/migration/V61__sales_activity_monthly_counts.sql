-- Activities per month, rep version, type and outcome: the activity metric reads whole months of a period here
-- (a quarter of the bench data: ~160,000 facts, ~7,000 cells) and only the partial months at its edges from the fact.
-- Kept equal to gold.fact_sales_activities by statement triggers on the fact itself, because every writer of the
-- fact (the activity pipeline, rep re-keying, lead merges, the rebuild's truncate) must move the counts and a
-- listener after the write no longer sees the rows it replaced.
create table gold.fact_sales_activity_monthly (
    month_key         integer not null,          -- yyyymm of the fact's date_key
    rep_key           bigint,
    rep_id            text    not null,
    activity_type_key integer not null,
    outcome           text    not null,          -- 'none' for activities without an outcome
    activities        bigint  not null,
    duration_minutes  bigint  not null,          -- Σ duration, missing durations count 0
    constraint fact_sales_activity_monthly_cell
        unique nulls not distinct (month_key, rep_id, activity_type_key, outcome, rep_key)
);
-- The cells a trigger run emptied, to delete them without scanning the table.
create index fact_sales_activity_monthly_empty on gold.fact_sales_activity_monthly (month_key) where activities = 0;

-- Adds the counts of one set of fact rows with a sign (+1 new, -1 old) and drops the cells that reach zero.
create function gold.fact_sales_activity_monthly_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        truncate gold.fact_sales_activity_monthly;
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into gold.fact_sales_activity_monthly as m
        select date_key / 100, rep_key, rep_id, activity_type_key, coalesce(outcome, 'none'), -count(*),
               -coalesce(sum(duration_minutes), 0)
        from old_rows group by 1, 2, 3, 4, 5
        on conflict on constraint fact_sales_activity_monthly_cell do update
            set activities = m.activities + excluded.activities,
                duration_minutes = m.duration_minutes + excluded.duration_minutes;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into gold.fact_sales_activity_monthly as m
        select date_key / 100, rep_key, rep_id, activity_type_key, coalesce(outcome, 'none'), count(*),
               coalesce(sum(duration_minutes), 0)
        from new_rows group by 1, 2, 3, 4, 5
        on conflict on constraint fact_sales_activity_monthly_cell do update
            set activities = m.activities + excluded.activities,
                duration_minutes = m.duration_minutes + excluded.duration_minutes;
    end if;
    delete from gold.fact_sales_activity_monthly where activities = 0;
    return null;
end $$;

create trigger fact_sales_activities_monthly_insert after insert on gold.fact_sales_activities
    referencing new table as new_rows for each statement execute function gold.fact_sales_activity_monthly_apply();
create trigger fact_sales_activities_monthly_update after update on gold.fact_sales_activities
    referencing old table as old_rows new table as new_rows
    for each statement execute function gold.fact_sales_activity_monthly_apply();
create trigger fact_sales_activities_monthly_delete after delete on gold.fact_sales_activities
    referencing old table as old_rows for each statement execute function gold.fact_sales_activity_monthly_apply();
create trigger fact_sales_activities_monthly_truncate after truncate on gold.fact_sales_activities
    for each statement execute function gold.fact_sales_activity_monthly_apply();

insert into gold.fact_sales_activity_monthly
select date_key / 100, rep_key, rep_id, activity_type_key, coalesce(outcome, 'none'), count(*),
       coalesce(sum(duration_minutes), 0)
from gold.fact_sales_activities group by 1, 2, 3, 4, 5;
