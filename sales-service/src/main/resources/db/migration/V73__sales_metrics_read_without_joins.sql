-- The metrics that read state spans and conversion facts answer from those rows alone (issue 8, item 5: p99 <= 100 ms
-- at bench scale). Measured at bench scale (430,722 spans, 190,807 conversion facts) before this migration:
-- pipeline as of a day 157 ms, movement 185 ms, stage conversion 133 ms, lead conversion 207 ms in the database.

-- The weighted pipeline as of a day needs each span's probability: carried on the span instead of a join back to
-- the change history per request.
alter table silver.retail_sales_opportunity_state_span add column probability numeric(5, 2);
update silver.retail_sales_opportunity_state_span s set probability = h.probability_to
from silver.retail_sales_opportunity_history h
where h.opportunity_id = s.opportunity_id and h.bronze_id = s.bronze_id;

-- Movement and stage conversion read every span starting or ending in a window, scattered over the heap by
-- opportunity: covering indexes answer them from the index alone.
drop index silver.retail_sales_opportunity_state_span_from;
drop index silver.retail_sales_opportunity_state_span_to;
drop index silver.retail_sales_opportunity_state_span_entered;
create index retail_sales_opportunity_state_span_from on silver.retail_sales_opportunity_state_span (valid_from)
    include (valid_to, opportunity_id, stage, amount, close_date);
create index retail_sales_opportunity_state_span_to on silver.retail_sales_opportunity_state_span (valid_to)
    include (valid_from, opportunity_id, stage, amount, close_date);
create index retail_sales_opportunity_state_span_entered on silver.retail_sales_opportunity_state_span
    (((valid_from at time zone 'UTC')::date)) include (stage, next_stage, stage_left_at, valid_from, opportunity_id)
    where enters_stage;

-- The CRM's plain conversion rate (status Converted or an opportunity) on the fact itself, so the funnel does not
-- read the golden leads.
alter table gold.fact_sales_conversions add column is_converted boolean not null default false;
update gold.fact_sales_conversions f set is_converted = true
from silver.retail_sales_lead_golden g
where g.golden_lead_id = f.golden_lead_id
  and (f.opportunity_id is not null or g.qualification_status = 'Converted');
