-- Feature values derived from the suite's own predictions (CLV decile and P(alive), lead score) land in the same
-- history and online tables as ingested values; source_table says which bronze table bronze_id points into.
alter table silver.ml_feature_value
    add column source_table text not null default 'bronze.retail_ml_features';
alter table silver.retail_customer_features_aggregated
    add column source_table text not null default 'bronze.retail_ml_features';

insert into silver.ml_feature_definition (feature_name, entity, value_type, feature_type, feature_version,
    data_source, calculation_logic, ttl_seconds, description, defined_by)
values
    ('clv_decile', 'customer', 'number', 'Derived', 1, 'clv-service',
     'decile of retailcx.clv.customer-value.predicted.v1', 0,
     'Value decile of the latest CLV prediction (10 = most valuable)', 'personalization-service'),
    ('clv_probability_alive', 'customer', 'number', 'Derived', 1, 'clv-service',
     'probabilityAlive of retailcx.clv.customer-value.predicted.v1', 0,
     'P(alive) of the latest CLV prediction', 'personalization-service'),
    ('clv_predicted_lifetime_value', 'customer', 'number', 'Derived', 1, 'clv-service',
     'predictedClvLifetime of retailcx.clv.customer-value.predicted.v1', 0,
     'Discounted lifetime value of the latest CLV prediction', 'personalization-service'),
    ('lead_score', 'lead', 'number', 'Derived', 1, 'sales-service',
     'probability of retailcx.sales.lead.scored.v1', 0,
     'Probability of conversion of the latest lead score (entity lead:<goldenLeadId>)', 'personalization-service');
