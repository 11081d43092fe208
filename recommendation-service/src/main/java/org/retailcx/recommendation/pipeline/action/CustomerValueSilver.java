package org.retailcx.recommendation.pipeline.action;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.platform.medallion.Quarantine;
import org.retailcx.recommendation.ingest.RecommendationSources;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Bronze → silver customer value: the newest clv model version's prediction per customer wins. */
@ApplicationScoped
public class CustomerValueSilver implements BronzeListener, LayerRebuild {

    private static final String UPSERT = """
            insert into silver.customer_value (customer_id, clv_model_version, prediction_date,
                predicted_clv_lifetime, clv_decile, bronze_id)
            select distinct on (b.customer_id) b.customer_id, b.clv_model_version, b.prediction_date,
                b.predicted_clv_lifetime, b.clv_decile, b.bronze_id
            from bronze.retail_customer_value b
            where %s and %s
            order by b.customer_id, b.clv_model_version desc, b.bronze_id desc
            on conflict (customer_id) do update set clv_model_version = excluded.clv_model_version,
                prediction_date = excluded.prediction_date, predicted_clv_lifetime = excluded.predicted_clv_lifetime,
                clv_decile = excluded.clv_decile, bronze_id = excluded.bronze_id
            where (excluded.clv_model_version, excluded.bronze_id)
                >= (silver.customer_value.clv_model_version, silver.customer_value.bronze_id)""";

    private static final String VALID = Quarantine.notQuarantined(RecommendationSources.CUSTOMER_VALUES);

    @Override
    public String source() {
        return RecommendationSources.CUSTOMER_VALUES.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery(UPSERT.formatted("b.batch_id = any($1)", VALID)).execute(batches.tuple()).replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.customer_value";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query(UPSERT.formatted("true", VALID)).execute().replaceWithVoid();
    }
}
