package org.retailcx.recommendation.pipeline.serving;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.recommendation.model.Recommendation;
import org.retailcx.recommendation.pipeline.training.ModelCache;
import org.retailcx.recommendation.pipeline.training.ModelTraining;
import org.retailcx.recommendation.pipeline.training.TrainedModel;
import org.retailcx.recommendation.pipeline.training.TrainingSpecs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Ranks products for a customer with the active model version, never offering a product the customer already holds
 * (a purchase in silver, also one made after the model was trained) or one the caller excludes (ineligible). A
 * customer the model has never seen gets the model's most popular products (cold start); with no active model at
 * all, the most popular products of silver. Every list is logged before it is returned, one row per product with its
 * recommendation id, to bronze and (same statement) to {@code silver.retail_recommendations_enriched}, which
 * feedback joins to.
 */
@ApplicationScoped
public class RecommendationServing {

    private static final String SOURCE_SYSTEM = "recommendation-service";

    private final Pool pool;
    private final ModelTraining models;
    private final ModelCache cache;

    public RecommendationServing(Pool pool, ModelTraining models, ModelCache cache) {
        this.pool = pool;
        this.models = models;
        this.cache = cache;
    }

    public Uni<ServedList> serve(String customerId, int k, String context, String sessionId, Set<String> excluded) {
        return held(customerId).chain(held -> {
            Set<String> ineligible = new HashSet<>(excluded);
            ineligible.addAll(held);
            return models.active(pool).chain(model -> model == null
                    ? popularFromSilver(k, ineligible).map(items -> new Ranked(null, items))
                    : cache.get(model).map(r -> new Ranked(model, r.recommend(customerId, k, ineligible))));
        }).chain(ranked -> log(customerId, context, sessionId, ranked));
    }

    private record Ranked(TrainedModel model, List<Recommendation> items) {
    }

    private Uni<Set<String>> held(String customerId) {
        return pool.preparedQuery("""
                select distinct product_id from silver.customer_product_interaction
                where customer_id = $1 and implicit_rating = 'purchase'""").execute(Tuple.of(customerId))
                .map(rows -> {
                    Set<String> products = new HashSet<>();
                    rows.forEach(r -> products.add(r.getString(0)));
                    return products;
                });
    }

    private Uni<List<Recommendation>> popularFromSilver(int k, Set<String> ineligible) {
        return pool.preparedQuery("""
                select product_id, count(distinct customer_id) from silver.customer_product_interaction
                where not (product_id = any($1)) group by product_id order by 2 desc, product_id limit $2""")
                .execute(Tuple.of(ineligible.toArray(String[]::new), k))
                .map(rows -> {
                    List<Recommendation> items = new ArrayList<>();
                    for (Row r : rows) {
                        long customers = r.getLong(1);
                        items.add(new Recommendation(items.size() + 1, r.getString(0), customers,
                                org.retailcx.recommendation.model.Algorithm.POPULARITY,
                                String.format(Locale.ROOT, "popular: chosen by %,d customers", customers)));
                    }
                    return items;
                });
    }

    private Uni<ServedList> log(String customerId, String context, String sessionId, Ranked ranked) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<ServedList.Item> items = new ArrayList<>();
        for (Recommendation r : ranked.items()) {
            items.add(new ServedList.Item(UUID.randomUUID().toString(), r.rank(), r.productId(), r.score(),
                    TrainingSpecs.name(r.algorithm()), r.reason()));
        }
        Integer version = ranked.model() == null ? null : ranked.model().version();
        ServedList served = new ServedList(customerId, context, sessionId, version, now, items);
        if (items.isEmpty()) {
            return Uni.createFrom().item(served);
        }
        return pool.preparedQuery("""
                with logged as (
                    insert into bronze.retail_product_recommendations (source_system, source_record_id, payload,
                        recommendation_id, customer_id, session_id, recommended_product_id, rank, score, algorithm,
                        model_version, context, timestamp, reason)
                    select $1, r.id, jsonb_build_object('recommendationId', r.id, 'customerId', $2::text,
                            'sessionId', $3::text, 'productId', r.product, 'rank', r.rank, 'score', r.score,
                            'algorithm', r.algorithm, 'modelVersion', $4::int, 'context', $5::text, 'reason', r.reason),
                        r.id, $2, $3, r.product, r.rank, r.score, r.algorithm, $4, $5, $6, r.reason
                    from unnest($7::text[], $8::text[], $9::int[], $10::float8[], $11::text[], $12::text[])
                        r(id, product, rank, score, algorithm, reason)
                    returning *)
                insert into silver.retail_recommendations_enriched (recommendation_id, customer_id, session_id,
                    product_id, rank, score, algorithm, model_version, context, served_at, reason, bronze_id)
                select recommendation_id, customer_id, session_id, recommended_product_id, rank, score, algorithm,
                    model_version, context, timestamp, reason, bronze_id from logged""")
                .execute(Tuple.from(new Object[] { SOURCE_SYSTEM, customerId, sessionId, version, context, now,
                        items.stream().map(ServedList.Item::recommendationId).toArray(String[]::new),
                        items.stream().map(ServedList.Item::productId).toArray(String[]::new),
                        items.stream().map(ServedList.Item::rank).toArray(Integer[]::new),
                        items.stream().map(ServedList.Item::score).toArray(Double[]::new),
                        items.stream().map(ServedList.Item::algorithm).toArray(String[]::new),
                        items.stream().map(ServedList.Item::reason).toArray(String[]::new) }))
                .replaceWith(served);
    }
}
