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
 * Valid bronze feature values → their history ({@code silver.ml_feature_value}, what point-in-time retrieval reads)
 * and the online store ({@code silver.retail_customer_features_aggregated}: the latest value per customer and
 * feature, latest event time winning and created time breaking ties), set-based per batch.
 */
public final class FeaturePipeline {

    private FeaturePipeline() {
    }

    private static final String SOURCE = PersonalizationSources.FEATURE_VALUES.name();
    private static final String IN_BATCHES = "b.batch_id = any($1)";
    private static final String VALID = Quarantine.notQuarantined(PersonalizationSources.FEATURE_VALUES);

    private static final String HISTORY = """
            insert into silver.ml_feature_value as h (feature_id, customer_id, feature_name, feature_value,
                event_time, created_time, bronze_id)
            select distinct on (b.feature_id) b.feature_id, b.customer_id, b.feature_name, b.feature_value,
                b.feature_timestamp, b.received_at, b.bronze_id
            from bronze.retail_ml_features b
            where %s and %s
            order by b.feature_id, b.bronze_id desc
            on conflict (feature_id) do update set customer_id = excluded.customer_id,
                feature_name = excluded.feature_name, feature_value = excluded.feature_value,
                event_time = excluded.event_time, created_time = excluded.created_time, bronze_id = excluded.bronze_id
            where excluded.bronze_id > h.bronze_id""";

    private static final String ONLINE = """
            insert into silver.retail_customer_features_aggregated as o (customer_id, feature_name, feature_value,
                event_time, created_time, bronze_id)
            select distinct on (b.customer_id, b.feature_name) b.customer_id, b.feature_name, b.feature_value,
                b.feature_timestamp, b.received_at, b.bronze_id
            from bronze.retail_ml_features b
            where %s and %s
            order by b.customer_id, b.feature_name, b.feature_timestamp desc, b.received_at desc, b.bronze_id desc
            on conflict (customer_id, feature_name) do update set feature_value = excluded.feature_value,
                event_time = excluded.event_time, created_time = excluded.created_time, bronze_id = excluded.bronze_id
            where (excluded.event_time, excluded.created_time, excluded.bronze_id)
                > (o.event_time, o.created_time, o.bronze_id)""";

    @ApplicationScoped
    public static class History implements BronzeListener, LayerRebuild {

        @Override
        public String source() {
            return SOURCE;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(HISTORY.formatted(IN_BATCHES, VALID)).execute(batches.tuple()).replaceWith(0);
        }

        @Override
        public String name() {
            return "silver.ml_feature_value";
        }

        @Override
        public int order() {
            return 120;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query(HISTORY.formatted("true", VALID)).execute().replaceWithVoid();
        }
    }

    @ApplicationScoped
    public static class Online implements BronzeListener, LayerRebuild {

        @Override
        public String source() {
            return SOURCE;
        }

        @Override
        public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
            return tx.preparedQuery(ONLINE.formatted(IN_BATCHES, VALID)).execute(batches.tuple()).replaceWith(0);
        }

        @Override
        public String name() {
            return "silver.retail_customer_features_aggregated";
        }

        @Override
        public int order() {
            return 130;
        }

        @Override
        public Uni<Void> rebuild(SqlConnection tx) {
            return tx.query(ONLINE.formatted("true", VALID)).execute().replaceWithVoid();
        }
    }
}
