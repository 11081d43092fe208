-- Consent to be contacted (marketing sees a lead's contact data only with it): as the CRM sends it, and on the
-- golden lead as its members' most recent statement, no consent by default.
alter table bronze.retail_sales_leads add column contact_consent boolean;
alter table silver.retail_sales_lead_golden add column contact_consent boolean not null default false;
