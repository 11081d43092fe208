package org.retailcx.sentiment.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;
import org.retailcx.sentiment.ingest.SentimentSources;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** Bronze customer-value signals → each customer's latest churn signal (the newest prediction received wins). */
@ApplicationScoped
public class ChurnSignals implements BronzeListener, LayerRebuild {

    private static final String LATEST = """
            insert into silver.customer_churn_signal (customer_id, model_version, prediction_date, probability_alive,
                decile, predicted_clv_lifetime, bronze_id)
            select distinct on (b.customer_id) b.customer_id, b.model_version, b.prediction_date,
                b.probability_alive, b.decile, b.predicted_clv_lifetime, b.bronze_id
            from bronze.retail_customer_value_signals b where %s
            order by b.customer_id, b.bronze_id desc
            on conflict (customer_id) do update set model_version = excluded.model_version,
                prediction_date = excluded.prediction_date, probability_alive = excluded.probability_alive,
                decile = excluded.decile, predicted_clv_lifetime = excluded.predicted_clv_lifetime,
                bronze_id = excluded.bronze_id""";

    @Override
    public String source() {
        return SentimentSources.CUSTOMER_VALUE.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery(LATEST.formatted("b.batch_id = any($1)")).execute(batches.tuple()).replaceWith(0);
    }

    @Override
    public String name() {
        return "silver.customer_churn_signal";
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query(LATEST.formatted("true")).execute().replaceWithVoid();
    }
}
