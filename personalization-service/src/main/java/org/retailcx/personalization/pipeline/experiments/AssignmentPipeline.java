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
 * Valid exposure records → the current assignment per experiment and customer ({@code silver.ab_assignment}, the
 * latest bronze record winning) and its star row ({@code gold.fact_ab_test_assignments}, dated by the assignment).
 */
public final class AssignmentPipeline {

    private AssignmentPipeline() {
    }

    private static final String SOURCE = PersonalizationSources.EXPOSURES.name();
    private static final String VALID = Quarantine.notQuarantined(PersonalizationSources.EXPOSURES);

    private static final String CURRENT = """
            insert into silver.ab_assignment as a (experiment_id, customer_id, variant_id, assignment_date,
                exposure_count, conversion_flag, conversion_date, metric_value, pre_metric_value, bronze_id)
            select distinct on (b.experiment_id, b.customer_id) b.experiment_id, b.customer_id, b.variant_id,
                b.assignment_date, b.exposure_count, b.conversion_flag, b.conversion_date, b.metric_value,
                b.pre_metric_value, b.bronze_id
            from bronze.retail_ab_test_variants b
            where %s and %s
            order by b.experiment_id, b.customer_id, b.bronze_id desc
            on conflict (experiment_id, customer_id) do update set variant_id = excluded.variant_id,
                assignment_date = excluded.assignment_date, exposure_count = excluded.exposure_count,
                conversion_flag = excluded.conversion_flag, conversion_date = excluded.conversion_date,
                metric_value = excluded.metric_value, pre_metric_value = excluded.pre_metric_value,
                bronze_id = excluded.bronze_id
            where excluded.bronze_id > a.bronze_id""";

    private static final String FACT = """
            insert into gold.fact_ab_test_assignments as f (experiment_key, customer_id, variant_id, is_control,
                date_key, exposure_count, converted, conversion_date, metric_value, pre_metric_value, bronze_id)
            select d.experiment_key, a.customer_id, a.variant_id, a.variant_id = d.control_variant_id,
                to_char(a.assignment_date at time zone 'UTC', 'YYYYMMDD')::integer, a.exposure_count,
                a.conversion_flag, a.conversion_date, a.metric_value, a.pre_metric_value, a.bronze_id
            from silver.ab_assignment a
            join gold.dim_ab_experiment d on d.experiment_id = a.experiment_id
            where %s
            on conflict (experiment_key, customer_id) do update set variant_id = excluded.variant_id,
                is_control = excluded.is_control, date_key = excluded.date_key,
                exposure_count = excluded.exposure_count, converted = excluded.converted,
                conversion_date = excluded.conversion_date, metric_value = excluded.metric_value,
                pre_metric_value = excluded.pre_metric_value, bronze_id = excluded.bronze_id""";

    private static final String IN_BATCHES = """
            a.bronze_id in (select b.bronze_id from bronze.retail_ab_test_variants b where b.batch_id = any($1))""";

    @ApplicationScoped
    public static class Current implements BronzeListener, LayerRebuild {

        @Override
        public String source() {
            return SOURCE;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(CURRENT.formatted("b.batch_id = any($1)", VALID)).execute(batches.tuple())
                    .replaceWith(0);
        }

        @Override
        public String name() {
            return "silver.ab_assignment";
        }

        @Override
        public int order() {
            return 150;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query(CURRENT.formatted("true", VALID)).execute().replaceWithVoid();
        }
    }

    @ApplicationScoped
    public static class Fact implements BronzeListener, LayerRebuild {

        @Override
        public String source() {
            return SOURCE;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(FACT.formatted(IN_BATCHES)).execute(batches.tuple()).replaceWith(0);
        }

        @Override
        public String name() {
            return "gold.fact_ab_test_assignments";
        }

        @Override
        public int order() {
            return 250;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query(FACT.formatted("true")).execute().replaceWithVoid();
        }
    }
}
