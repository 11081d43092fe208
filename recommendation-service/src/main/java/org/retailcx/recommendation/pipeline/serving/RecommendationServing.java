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

import org.retailcx.platform.medallion.BronzeWriter;
import org.retailcx.recommendation.ingest.ServedRecommendationRecord;
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
 * all, the most popular products of silver. Every list is logged, one record per product with its recommendation
 * id, through the write-behind {@link ServedLog} into the served-recommendations source: bronze, and
 * {@link ServedSilver} in the flush's transaction, whose {@code silver.retail_recommendations_enriched} feedback
 * joins to.
 */
@ApplicationScoped
public class RecommendationServing {

    private final Pool pool;
    private final ModelTraining models;
    private final ModelCache cache;
    private final ServedLog servedLog;

    public RecommendationServing(Pool pool, ServedLog servedLog, ModelTraining models, ModelCache cache) {
        this.pool = pool;
        this.servedLog = servedLog;
        this.models = models;
        this.cache = cache;
    }

    public Uni<ServedList> serve(String customerId, int k, String context, String sessionId, Set<String> excluded,
            BronzeWriter.Caller caller) {
        // the two lookups a request needs (held products, active version) run at once on two connections
        return Uni.combine().all().unis(held(customerId), models.active(pool)).asTuple().chain(both -> {
            Set<String> ineligible = new HashSet<>(excluded);
            ineligible.addAll(both.getItem1());
            TrainedModel model = both.getItem2();
            return model == null
                    ? popularFromSilver(k, ineligible).map(items -> new Ranked(null, items))
                    : cache.get(model).map(r -> new Ranked(model, r.recommend(customerId, k, ineligible)));
        }).chain(ranked -> log(customerId, context, sessionId, ranked, caller));
    }

    private record Ranked(TrainedModel model, List<Recommendation> items) {
    }

    /** The products the customer holds: a purchase in silver. */
    public Uni<Set<String>> held(String customerId) {
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

    private Uni<ServedList> log(String customerId, String context, String sessionId, Ranked ranked,
            BronzeWriter.Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Integer version = ranked.model() == null ? null : ranked.model().version();
        List<ServedList.Item> items = new ArrayList<>();
        List<ServedRecommendationRecord> logged = new ArrayList<>();
        for (Recommendation r : ranked.items()) {
            var item = new ServedList.Item(UUID.randomUUID().toString(), r.rank(), r.productId(), r.score(),
                    TrainingSpecs.name(r.algorithm()), r.reason());
            items.add(item);
            logged.add(new ServedRecommendationRecord(item.recommendationId(), customerId, sessionId,
                    item.productId(), item.rank(), item.score(), item.algorithm(), version, context, now,
                    item.reason()));
        }
        ServedList served = new ServedList(customerId, context, sessionId, version, now, items);
        if (logged.isEmpty()) {
            return Uni.createFrom().item(served);
        }
        return servedLog.log(caller, logged).replaceWith(served);
    }
}
