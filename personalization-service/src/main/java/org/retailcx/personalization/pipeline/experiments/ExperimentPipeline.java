package org.retailcx.personalization.pipeline.experiments;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.personalization.ingest.PersonalizationSources;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.platform.medallion.Quarantine;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Valid bronze experiment definitions → the current definition per experiment ({@code silver.ab_experiment}), the
 * latest bronze version winning, with GrowthBook's defaults filled in (coverage 1, hash attribute {@code id}, seed =
 * experiment id, hash version 1), so that what is assigned is what is stored; and its gold dimension.
 */
@ApplicationScoped
public class ExperimentPipeline implements BronzeListener, LayerRebuild {

    private static final String VALID = Quarantine.notQuarantined(PersonalizationSources.EXPERIMENTS);

    private static final String CURRENT = """
            insert into silver.ab_experiment as x (experiment_id, name, experiment_type, start_date, end_date, status,
                hypothesis, success_metric, control_variant_id, treatment_variant_ids, variants, weights, coverage,
                hash_attribute, seed, hash_version, namespace_id, namespace_start, namespace_end, condition, version,
                updated_at, bronze_id)
            select distinct on (b.experiment_id) b.experiment_id, b.name, b.experiment_type, b.start_date, b.end_date,
                b.status, b.hypothesis, b.success_metric, b.control_variant_id, b.treatment_variant_ids, b.variants,
                b.weights, coalesce(b.coverage, 1), coalesce(b.hash_attribute, 'id'),
                coalesce(b.seed, b.experiment_id), coalesce(b.hash_version, 1), b.namespace_id, b.namespace_start,
                b.namespace_end, b.condition,
                (select count(*) from bronze.retail_ab_test_experiments v where v.experiment_id = b.experiment_id
                    and v.bronze_id <= b.bronze_id), b.received_at, b.bronze_id
            from bronze.retail_ab_test_experiments b
            where %s and %s
            order by b.experiment_id, b.bronze_id desc
            on conflict (experiment_id) do update set name = excluded.name,
                experiment_type = excluded.experiment_type, start_date = excluded.start_date,
                end_date = excluded.end_date, status = excluded.status, hypothesis = excluded.hypothesis,
                success_metric = excluded.success_metric, control_variant_id = excluded.control_variant_id,
                treatment_variant_ids = excluded.treatment_variant_ids, variants = excluded.variants,
                weights = excluded.weights, coverage = excluded.coverage, hash_attribute = excluded.hash_attribute,
                seed = excluded.seed, hash_version = excluded.hash_version, namespace_id = excluded.namespace_id,
                namespace_start = excluded.namespace_start, namespace_end = excluded.namespace_end,
                condition = excluded.condition, version = excluded.version, updated_at = excluded.updated_at,
                bronze_id = excluded.bronze_id
            where excluded.bronze_id > x.bronze_id""";

    private static final String DIMENSION = """
            insert into gold.dim_ab_experiment as d (experiment_id, name, experiment_type, status, hypothesis,
                success_metric, control_variant_id, variants, weights, start_date, end_date, version)
            select x.experiment_id, x.name, x.experiment_type, x.status, x.hypothesis, x.success_metric,
                x.control_variant_id, x.variants, x.weights, x.start_date, x.end_date, x.version
            from silver.ab_experiment x
            where %s
            on conflict (experiment_id) do update set name = excluded.name, experiment_type = excluded.experiment_type,
                status = excluded.status, hypothesis = excluded.hypothesis, success_metric = excluded.success_metric,
                control_variant_id = excluded.control_variant_id, variants = excluded.variants,
                weights = excluded.weights, start_date = excluded.start_date, end_date = excluded.end_date,
                version = excluded.version""";

    private static final String CURRENT_IN_BATCHES = """
            x.bronze_id in (select b.bronze_id from bronze.retail_ab_test_experiments b where b.batch_id = any($1))""";

    @Override
    public String source() {
        return PersonalizationSources.EXPERIMENTS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery(CURRENT.formatted("b.batch_id = any($1)", VALID)).execute(batches.tuple())
                .chain(() -> tx.preparedQuery(DIMENSION.formatted(CURRENT_IN_BATCHES)).execute(batches.tuple()))
                .replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.ab_experiment, gold.dim_ab_experiment";
    }

    @Override
    public int order() {
        return 140;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query(CURRENT.formatted("true", VALID)).execute()
                .chain(() -> tx.query(DIMENSION.formatted("true")).execute()).replaceWithVoid();
    }
}
