-- The change history as spans: each history row with the time its state held until (the next change's effective
-- time, null while it is the current state) and, for a row that enters a stage, the next stage entered and when.
-- Pipeline movement reads the state at a time (valid_from < t <= valid_to) and stage conversion the stage entries
-- of a period as index range scans here, instead of window functions over the whole history on every request.
-- Derived from silver.retail_sales_opportunity_history per batch by OpportunityStateSpans.
create table silver.retail_sales_opportunity_state_span (
    opportunity_id text        not null,
    bronze_id      bigint      not null,
    valid_from     timestamptz not null,    -- the history row's changed_at
    valid_to       timestamptz,             -- the next history row's changed_at (ordered by changed_at, bronze_id)
    stage          text        not null,
    amount         numeric(18, 2),
    close_date     date,
    enters_stage   boolean     not null,    -- stage_from is distinct from stage_to
    next_stage     text,                    -- stage entries only: the stage of the next entry
    stage_left_at  timestamptz,             -- stage entries only: when the next entry happened
    primary key (opportunity_id, bronze_id)
);
create index retail_sales_opportunity_state_span_from on silver.retail_sales_opportunity_state_span (valid_from);
create index retail_sales_opportunity_state_span_to on silver.retail_sales_opportunity_state_span (valid_to);
create index retail_sales_opportunity_state_span_close on silver.retail_sales_opportunity_state_span (close_date);
-- Stage conversion filters entries by their UTC entry date.
create index retail_sales_opportunity_state_span_entered on silver.retail_sales_opportunity_state_span
    (((valid_from at time zone 'UTC')::date)) where enters_stage;

insert into silver.retail_sales_opportunity_state_span (opportunity_id, bronze_id, valid_from, valid_to, stage,
    amount, close_date, enters_stage, next_stage, stage_left_at)
with spans as (
  select h.opportunity_id, h.bronze_id, h.changed_at, lead(h.changed_at) over w as valid_to, h.stage_to,
         h.amount_to, h.close_date_to, h.stage_from is distinct from h.stage_to as enters_stage
  from silver.retail_sales_opportunity_history h
  window w as (partition by h.opportunity_id order by h.changed_at, h.bronze_id)),
entries as (
  select opportunity_id, bronze_id, lead(stage_to) over w as next_stage, lead(changed_at) over w as stage_left_at
  from spans where enters_stage
  window w as (partition by opportunity_id order by changed_at, bronze_id))
select s.opportunity_id, s.bronze_id, s.changed_at, s.valid_to, s.stage_to, s.amount_to, s.close_date_to,
       s.enters_stage, e.next_stage, e.stage_left_at
from spans s left join entries e on e.opportunity_id = s.opportunity_id and e.bronze_id = s.bronze_id;
