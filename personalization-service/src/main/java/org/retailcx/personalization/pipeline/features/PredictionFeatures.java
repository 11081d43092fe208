package org.retailcx.personalization.pipeline.features;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.personalization.ingest.PersonalizationSources;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.platform.medallion.Quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The suite's own predictions as features: a valid CLV prediction gives {@code clv_decile},
 * {@code clv_probability_alive} and {@code clv_predicted_lifetime_value}, a lead score {@code lead_score}, each true
 * from the prediction's time, into the feature history and the online store (for the features that are defined).
 */
@ApplicationScoped
public class PredictionFeatures implements BronzeListener, LayerRebuild {

    private static final String VALID = Quarantine.notQuarantined(PersonalizationSources.PREDICTIONS_SOURCE);

    private static final String DERIVE = """
            with derived as (
                select b.prediction_id || '#' || f.name as feature_id, b.customer_id, f.name as feature_name,
                    f.value as feature_value, b.prediction_timestamp as event_time, b.received_at as created_time,
                    b.bronze_id
                from bronze.retail_ml_model_predictions b
                cross join lateral (values
                    ('clv_decile', case when b.prediction_type = 'CLV' then b.feature_values -> 'decile' end),
                    ('clv_probability_alive',
                        case when b.prediction_type = 'CLV' then b.feature_values -> 'probabilityAlive' end),
                    ('clv_predicted_lifetime_value',
                        case when b.prediction_type = 'CLV' then to_jsonb(b.predicted_value) end),
                    ('lead_score', case when b.prediction_type = 'Lead Conversion' then to_jsonb(b.predicted_value) end)
                ) f(name, value)
                join silver.ml_feature_definition d on d.feature_name = f.name
                    and d.value_type = jsonb_typeof(f.value)
                where %s and %s and b.model_id in ('%s', '%s')),
            latest_version as (
                select distinct on (feature_id) * from derived order by feature_id, bronze_id desc),
            history as (
                insert into silver.ml_feature_value as h (feature_id, customer_id, feature_name, feature_value,
                    event_time, created_time, bronze_id, source_table)
                select feature_id, customer_id, feature_name, feature_value, event_time, created_time, bronze_id,
                    'bronze.retail_ml_model_predictions'
                from latest_version
                on conflict (feature_id) do update set feature_value = excluded.feature_value,
                    event_time = excluded.event_time, created_time = excluded.created_time,
                    bronze_id = excluded.bronze_id, source_table = excluded.source_table
                where excluded.bronze_id > h.bronze_id or h.source_table <> excluded.source_table)
            insert into silver.retail_customer_features_aggregated as o (customer_id, feature_name, feature_value,
                event_time, created_time, bronze_id, source_table)
            select distinct on (customer_id, feature_name) customer_id, feature_name, feature_value, event_time,
                created_time, bronze_id, 'bronze.retail_ml_model_predictions'
            from derived
            order by customer_id, feature_name, event_time desc, created_time desc, bronze_id desc
            on conflict (customer_id, feature_name) do update set feature_value = excluded.feature_value,
                event_time = excluded.event_time, created_time = excluded.created_time,
                bronze_id = excluded.bronze_id, source_table = excluded.source_table
            where (excluded.event_time, excluded.created_time) > (o.event_time, o.created_time)""";

    private static String derive(String batches) {
        return DERIVE.formatted(batches, VALID, PersonalizationSources.CLV_MODEL,
                PersonalizationSources.LEAD_SCORING_MODEL);
    }

    @Override
    public String source() {
        return PersonalizationSources.PREDICTIONS_SOURCE.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery(derive("b.batch_id = any($1)")).execute(batches.tuple()).replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.ml_feature_value (from predictions)";
    }

    /** After the prediction store's silver (110) and the feature history (120, 130) in a rebuild. */
    @Override
    public int order() {
        return 140;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query(derive("true")).execute().replaceWithVoid();
    }
}
