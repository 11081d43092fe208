-- dim_date covers every date ingestion accepts (retailcx.ingest.earliest-date .. latest-date, 1900-01-01 ..
-- 2199-12-31 by default), so that a date-key lookup cannot miss.
insert into gold.dim_date
select to_char(d, 'YYYYMMDD')::integer, d, extract(year from d), extract(quarter from d), extract(month from d),
       extract(week from d), extract(isodow from d)
from generate_series(date '1900-01-01', date '2199-12-31', interval '1 day') g(g), lateral (select g::date d) x
on conflict (date_key) do nothing;
