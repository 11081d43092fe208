package org.retailcx.personalization.pipeline.predictions;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.personalization.ingest.PersonalizationSources;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.platform.medallion.Quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Valid bronze predictions → the latest per customer and type (silver, the serving read) and the prediction history
 * ({@code gold.fact_ml_model_predictions}), set-based per batch. The rules guarantee the model version is
 * registered, so its dimension row exists.
 */
public final class PredictionPipeline {

    private PredictionPipeline() {
    }

    private static final String SOURCE = PersonalizationSources.PREDICTIONS_SOURCE.name();
    private static final String IN_BATCHES = "b.batch_id = any($1)";
    private static final String VALID = Quarantine.notQuarantined(PersonalizationSources.PREDICTIONS_SOURCE);

    private static final String LATEST = """
            with valid as (
                select distinct on (b.customer_id, b.prediction_type) b.*
                from bronze.retail_ml_model_predictions b
                where %s and %s
                order by b.customer_id, b.prediction_type, b.prediction_timestamp desc, b.bronze_id desc)
            insert into silver.ml_prediction_latest as l (customer_id, prediction_type, prediction_id, model_id,
                model_version, predicted_value, confidence_score, prediction_timestamp, bronze_id)
            select customer_id, prediction_type, prediction_id, model_id, model_version, predicted_value,
                confidence_score, prediction_timestamp, bronze_id
            from valid
            on conflict (customer_id, prediction_type) do update set prediction_id = excluded.prediction_id,
                model_id = excluded.model_id, model_version = excluded.model_version,
                predicted_value = excluded.predicted_value, confidence_score = excluded.confidence_score,
                prediction_timestamp = excluded.prediction_timestamp, bronze_id = excluded.bronze_id
            where (excluded.prediction_timestamp, excluded.bronze_id) > (l.prediction_timestamp, l.bronze_id)""";

    private static final String FACT = """
            with valid as (
                select distinct on (b.prediction_id) b.*
                from bronze.retail_ml_model_predictions b
                where %s and %s
                order by b.prediction_id, b.bronze_id desc)
            insert into gold.fact_ml_model_predictions as f (prediction_id, customer_id, model_key, date_key,
                prediction_type, predicted_value, confidence_score, feature_values, prediction_timestamp,
                model_runtime_ms, bronze_id)
            select p.prediction_id, p.customer_id, m.model_key,
                to_char(p.prediction_timestamp at time zone 'UTC', 'YYYYMMDD')::integer, p.prediction_type,
                p.predicted_value, p.confidence_score, p.feature_values, p.prediction_timestamp, p.model_runtime_ms,
                p.bronze_id
            from valid p
            join gold.dim_ml_model m on m.model_id = p.model_id and m.version = p.model_version
            on conflict (prediction_id) do update set customer_id = excluded.customer_id,
                model_key = excluded.model_key, date_key = excluded.date_key,
                prediction_type = excluded.prediction_type, predicted_value = excluded.predicted_value,
                confidence_score = excluded.confidence_score, feature_values = excluded.feature_values,
                prediction_timestamp = excluded.prediction_timestamp, model_runtime_ms = excluded.model_runtime_ms,
                bronze_id = excluded.bronze_id
            where excluded.bronze_id > f.bronze_id""";

    @ApplicationScoped
    public static class Latest implements BronzeListener, LayerRebuild {

        @Override
        public String source() {
            return SOURCE;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(LATEST.formatted(IN_BATCHES, VALID)).execute(batches.tuple()).replaceWith(0);
        }

        @Override
        public String name() {
            return "silver.ml_prediction_latest";
        }

        @Override
        public int order() {
            return 110;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query(LATEST.formatted("true", VALID)).execute().replaceWithVoid();
        }
    }

    @ApplicationScoped
    public static class History implements BronzeListener, LayerRebuild {

        @Override
        public String source() {
            return SOURCE;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(FACT.formatted(IN_BATCHES, VALID)).execute(batches.tuple()).replaceWith(0);
        }

        @Override
        public String name() {
            return "gold.fact_ml_model_predictions";
        }

        @Override
        public int order() {
            return 210;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query(FACT.formatted("true", VALID)).execute().replaceWithVoid();
        }
    }
}
