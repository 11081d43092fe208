package org.retailcx.personalization.pipeline.registry;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.personalization.ingest.PersonalizationSources;
import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.platform.medallion.Quarantine;
import org.retailcx.schema.EventCatalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Bronze model-version records → the registry's versions (silver) → {@code gold.dim_ml_model}, set-based per batch,
 * and one {@code model-version.registered} event per version a batch registers for the first time.
 */
public final class ModelRegistryPipeline {

    private ModelRegistryPipeline() {
    }

    private static final String SOURCE = PersonalizationSources.MODEL_VERSIONS.name();
    private static final String IN_BATCHES = "b.batch_id = any($1)";
    private static final String VALID = Quarantine.notQuarantined(PersonalizationSources.MODEL_VERSIONS);

    // The newest valid record of a version sets its values; lineage stays what registered it.
    private static final String VERSIONS = """
            with valid as (
                select distinct on (b.model_id, b.version) b.*,
                    min(b.bronze_id) over (partition by b.model_id, b.version) as first_bronze_id
                from bronze.retail_ml_model_registry b
                where %s and %s
                order by b.model_id, b.version, b.bronze_id desc)
            insert into silver.ml_model_version as v (model_id, version, name, model_type, deployment_date,
                training_dataset_id, code_version, model_metrics, active_flag, deprecation_date, source_system,
                bronze_id, first_bronze_id)
            select model_id, version, name, model_type, deployment_date, training_dataset_id, code_version,
                coalesce(model_metrics, '{}'), coalesce(active_flag, false), deprecation_date, source_system,
                bronze_id, first_bronze_id
            from valid
            on conflict (model_id, version) do update set name = excluded.name, model_type = excluded.model_type,
                deployment_date = coalesce(excluded.deployment_date, v.deployment_date),
                model_metrics = excluded.model_metrics, active_flag = excluded.active_flag,
                deprecation_date = excluded.deprecation_date, bronze_id = excluded.bronze_id
            where excluded.bronze_id > v.bronze_id""";

    private static final String DIMENSION = """
            insert into gold.dim_ml_model as d (model_id, version, name, model_type, training_dataset_id,
                code_version, deployment_date, deprecation_date, active_flag)
            select v.model_id, v.version, v.name, v.model_type, v.training_dataset_id, v.code_version,
                v.deployment_date, v.deprecation_date, v.active_flag
            from silver.ml_model_version v
            where %s
            on conflict (model_id, version) do update set name = excluded.name, model_type = excluded.model_type,
                deployment_date = excluded.deployment_date, deprecation_date = excluded.deprecation_date,
                active_flag = excluded.active_flag""";

    private static final String VERSION_IN_BATCHES = """
            exists (select 1 from bronze.retail_ml_model_registry b
                    where b.batch_id = any($1) and b.model_id = v.model_id and b.version = v.version)""";

    private static final String REGISTERED = """
            select v.model_id || '@' || v.version as subject, v.model_id as record_key,
                jsonb_strip_nulls(jsonb_build_object('modelId', v.model_id, 'name', v.name,
                    'modelType', v.model_type, 'version', v.version, 'deploymentDate', v.deployment_date,
                    'trainingDatasetId', v.training_dataset_id, 'codeVersion', v.code_version,
                    'metrics', v.model_metrics, 'sourceSystem', v.source_system)) as data
            from silver.ml_model_version v
            join bronze.retail_ml_model_registry b on b.bronze_id = v.first_bronze_id
            where b.batch_id = any($1)
            order by v.model_id, v.version""";

    @ApplicationScoped
    public static class Versions implements BronzeListener, LayerRebuild {

        @Override
        public String source() {
            return SOURCE;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(VERSIONS.formatted(IN_BATCHES, VALID)).execute(batches.tuple()).replaceWith(0);
        }

        @Override
        public String name() {
            return "silver.ml_model_version";
        }

        @Override
        public int order() {
            return 100;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query(VERSIONS.formatted("true", VALID)).execute().replaceWithVoid();
        }
    }

    @ApplicationScoped
    public static class Dimension implements BronzeListener, LayerRebuild {

        @Override
        public String source() {
            return SOURCE;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(DIMENSION.formatted(VERSION_IN_BATCHES)).execute(batches.tuple())
                    .replaceWith(0);
        }

        @Override
        public String name() {
            return "gold.dim_ml_model";
        }

        @Override
        public int order() {
            return 200;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query(DIMENSION.formatted("true")).execute().replaceWithVoid();
        }
    }

    @ApplicationScoped
    public static class RegisteredEvents implements BronzeListener {

        private final Outbox outbox;

        public RegisteredEvents(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public String source() {
            return SOURCE;
        }

        @Override
        public int order() {
            return 300;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return outbox.appendAll(tx, EventCatalog.PERSONALIZATION_MODEL_VERSION_REGISTERED, REGISTERED,
                    batches.tuple()).map(Long::intValue);
        }
    }
}
