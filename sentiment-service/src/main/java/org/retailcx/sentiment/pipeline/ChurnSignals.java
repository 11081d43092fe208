package org.retailcx.sentiment.pipeline;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.sentiment.ingest.SentimentSources;

/** Bronze customer-value signals → each customer's latest churn signal (the newest prediction received wins). */
@ApplicationScoped
public class ChurnSignals extends NewestVersions {

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

    public ChurnSignals() {
        super(SentimentSources.CUSTOMER_VALUE.name(), "silver.customer_churn_signal", 150, LATEST);
    }
}
