-- Gold facts are derived: each key is looked up from its dimension in the statement that writes the fact (unknown
-- members where the source has none), and gold is rebuilt from silver by one call. Re-checking every key on insert
-- cost a quarter of the conversion and activity fact refreshes at bench scale (pg_stat_statements, 2026-12-02), and
-- fact_sales_opportunities never had them: no sales fact carries foreign keys now. GoldKeysTest checks that every
-- fact key resolves to its dimension.
alter table gold.fact_sales_activities drop constraint fact_sales_activities_date_key_fkey,
    drop constraint fact_sales_activities_activity_type_key_fkey,
    drop constraint fact_sales_activities_campaign_key_fkey;
alter table gold.fact_sales_conversions drop constraint fact_sales_conversions_lead_created_date_key_fkey,
    drop constraint fact_sales_conversions_lead_source_key_fkey,
    drop constraint fact_sales_conversions_campaign_key_fkey,
    drop constraint fact_sales_conversions_product_key_fkey;
alter table gold.fact_sales_commissions drop constraint fact_sales_commissions_date_key_fkey,
    drop constraint fact_sales_commissions_product_key_fkey;
