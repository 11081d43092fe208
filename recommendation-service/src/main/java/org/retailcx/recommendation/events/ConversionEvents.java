package org.retailcx.recommendation.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.recommendation.ingest.RecommendationSources;
import org.retailcx.schema.EventCatalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * {@code retailcx.recommendation.recommendation.converted.v1} once per recommendation, in the promotion's
 * transaction, when a feedback batch makes it converted for the first time (after silver has its performance).
 * Subject is the recommendation id, key the customer id.
 */
@ApplicationScoped
public class ConversionEvents implements BronzeListener {

    private static final String TOUCHED = """
            p.recommendation_id in (select b.recommendation_id from bronze.retail_recommendation_feedback b
                                    where b.batch_id = any($1))
            and p.converted and not p.conversion_announced""";

    private final Outbox outbox;

    public ConversionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String source() {
        return RecommendationSources.FEEDBACK.name();
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return outbox.appendAll(tx, EventCatalog.RECOMMENDATION_CONVERTED, """
                select e.recommendation_id as subject, e.customer_id as record_key, jsonb_strip_nulls(jsonb_build_object(
                    'recommendationId', e.recommendation_id, 'customerId', e.customer_id, 'productId', e.product_id,
                    'algorithm', e.algorithm, 'modelVersion', e.model_version, 'context', e.context, 'rank', e.rank,
                    'amount', p.conversion_amount, 'servedAt', e.served_at, 'convertedAt', p.converted_at)) as data
                from silver.retail_recommendation_performance p
                join silver.retail_recommendations_enriched e using (recommendation_id)
                where %s
                order by e.recommendation_id""".formatted(TOUCHED), batches.tuple())
                .call(() -> tx.preparedQuery("update silver.retail_recommendation_performance p"
                        + " set conversion_announced = true where " + TOUCHED).execute(batches.tuple()))
                .map(Long::intValue);
    }
}
