-- dim_date covers every date ingestion accepts (retailcx.ingest.earliest-date .. latest-date, 1900-01-01 ..
-- 2199-12-31 by default), so that a fact's date-key lookup cannot miss: a lead created in 1900 is a lead, not a 500.
insert into gold.dim_date
select to_char(d, 'YYYYMMDD')::integer, d, extract(year from d), extract(quarter from d), extract(month from d),
       trim(to_char(d, 'Month')), extract(week from d), extract(isodow from d), extract(isodow from d) in (6, 7),
       to_char(d, 'YYYY-MM'), to_char(d, 'YYYY') || '-Q' || extract(quarter from d)
from generate_series(date '1900-01-01', date '2199-12-31', interval '1 day') as g(t), lateral (select t::date) x(d)
on conflict (date_key) do nothing;
