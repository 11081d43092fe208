-- Stage conversion reads, per stage entry of a period, whether the next entry advanced and the days spent: carried
-- on the span when it is derived (OpportunityStateSpans) instead of computed per request from two stage lookups
-- and a timestamp difference (at bench scale, 42,000 entries a quarter: 86 → 55 ms in the database).
alter table silver.retail_sales_opportunity_state_span
    add column advances boolean not null default false, -- the next entry is a later stage and not Closed Lost
    add column days_in_stage double precision;         -- days until the next entry; null while in the stage
update silver.retail_sales_opportunity_state_span e
set advances = coalesce(ns.stage_order > es.stage_order and not (ns.is_closed and not ns.is_won), false),
    days_in_stage = extract(epoch from e.stage_left_at - e.valid_from)::float8 / 86400
from gold.dim_sales_stage es, gold.dim_sales_stage ns
where e.enters_stage and es.stage_name = e.stage and ns.stage_name = e.next_stage;

drop index silver.retail_sales_opportunity_state_span_entered;
create index retail_sales_opportunity_state_span_entered on silver.retail_sales_opportunity_state_span
    (((valid_from at time zone 'UTC')::date))
    include (stage, advances, days_in_stage, stage_left_at, opportunity_id) where enters_stage;
