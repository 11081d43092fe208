-- The quarantine moves to the platform's table (silver.data_quality_quarantine, V0_2), shared by every service.
insert into silver.data_quality_quarantine (source, source_table, source_record_id, source_system, customer_id,
    bronze_id, batch_id, rule, field, reason, quarantined_at, resolved_at)
select q.source, 'bronze.retail_sales_' || q.source,
       q.source_record_id, 'api', null, q.bronze_id, q.batch_id, q.rule, q.field, q.reason, q.quarantined_at,
       q.resolved_at
from silver.retail_sales_quarantine q
order by q.quarantine_id;
drop table silver.retail_sales_quarantine;
