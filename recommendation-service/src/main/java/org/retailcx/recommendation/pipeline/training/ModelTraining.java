package org.retailcx.recommendation.pipeline.training;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.recommendation.events.ModelVersionEvents;
import org.retailcx.recommendation.model.InteractionMatrix;
import org.retailcx.recommendation.model.Recommender;
import org.retailcx.recommendation.model.SimilarProducts;
import org.retailcx.recommendation.model.TrainingSpec;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Trains, stores and activates recommender versions, each in the caller's transaction, so that a refused or failed
 * training leaves nothing behind. A version records its algorithm with every hyper-parameter, the interaction window
 * and the bronze cutoff (see {@link TrainingData}), the size of its data and who trained it; training queues the
 * model-version trained event, activation writes the version's product similarity matrix to silver and queues the
 * event again with {@code active = true}.
 */
@ApplicationScoped
public class ModelTraining {

    private static final Logger LOG = Logger.getLogger(ModelTraining.class);
    public static final String INSUFFICIENT_DATA = "urn:retailcx:problem:recommendation-insufficient-data";
    /** Neighbours kept per product in the similarity matrix. */
    static final int SIMILAR_PRODUCTS = 20;

    /** One training call. */
    public record Run(TrainingSpec spec, OffsetDateTime windowFrom, OffsetDateTime windowTo, boolean activate,
            String trigger, String caller) {
    }

    private record Fitted(Recommender recommender, InteractionMatrix matrix, long fitMillis) {
    }

    private final ModelVersionEvents events;
    private final ModelCache cache;
    private final int minimumPairs;

    public ModelTraining(ModelVersionEvents events, ModelCache cache,
            @ConfigProperty(name = "retailcx.recommendation.training.minimum-pairs", defaultValue = "10")
            int minimumPairs) {
        this.events = events;
        this.cache = cache;
        this.minimumPairs = minimumPairs;
    }

    public Uni<TrainedModel> train(SqlConnection tx, Run run) {
        String algorithm = TrainingSpecs.name(run.spec().algorithm());
        String parameters = TrainingSpecs.toJson(run.spec()).toString();
        List<Recommender> trained = new ArrayList<>(1);
        return tx.query("select pg_advisory_xact_lock(hashtextextended('recommendation.model-train', 0))").execute()
                .chain(() -> TrainingData.cutoffs(tx))
                .chain(cutoff -> TrainingData.rows(tx, cutoff, run.windowFrom(), run.windowTo())
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(rows -> fit(run, TrainingData.matrix(rows)))
                        .chain(fitted -> {
                            trained.add(fitted.recommender());
                            return tx.query("select coalesce(max(model_version), 0) + 1"
                                    + " from gold.dim_recommendation_model").execute()
                                    .map(rows -> rows.iterator().next().getInteger(0))
                                    .chain(version -> insert(tx, version, algorithm, parameters, run, cutoff, fitted));
                        }))
                .chain(version -> find(tx, version))
                .invoke(model -> cache.put(model.version(), trained.get(0)))
                .call(model -> events.announce(tx, model))
                .chain(model -> run.activate() ? activate(tx, model.version(), run.caller()) : Uni.createFrom().item(model));
    }

    private Fitted fit(Run run, InteractionMatrix matrix) {
        if (matrix.cellCount() < minimumPairs || matrix.productCount() < 2 || matrix.customerCount() < 2) {
            throw ProblemException.unprocessable(INSUFFICIENT_DATA, "Too few interactions to train a recommender",
                    "The window " + run.windowFrom() + ".." + run.windowTo() + " holds " + matrix.cellCount()
                            + " customer-product pairs of " + matrix.customerCount() + " customers and "
                            + matrix.productCount() + " products; training needs at least " + minimumPairs
                            + " pairs, 2 customers and 2 products");
        }
        long started = System.nanoTime();
        Recommender recommender = run.spec().fit(matrix);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("recommender %s trained on %d events (%d pairs, %d customers, %d products) in %d ms",
                run.spec().algorithm(), matrix.eventCount(), matrix.cellCount(), matrix.customerCount(),
                matrix.productCount(), millis);
        return new Fitted(recommender, matrix, millis);
    }

    private Uni<Integer> insert(SqlConnection tx, int version, String algorithm, String parameters, Run run,
            TrainingData.Cutoffs cutoff, Fitted f) {
        return tx.preparedQuery("""
                insert into gold.dim_recommendation_model (model_version, algorithm_key, parameters, window_from,
                    window_to, bronze_cutoff, feedback_cutoff, interactions, pairs, customers, products, fit_millis,
                    trigger, trained_by)
                select $1, algorithm_key, $3::text::jsonb, $4, $5, $6, $14, $7, $8, $9, $10, $11, $12, $13
                from gold.dim_recommendation_algorithm where algorithm = $2""")
                .execute(Tuple.from(new Object[] { version, algorithm, parameters, run.windowFrom(), run.windowTo(),
                        cutoff.interactions(), f.matrix().eventCount(), f.matrix().cellCount(),
                        f.matrix().customerCount(), f.matrix().productCount(), f.fitMillis(), run.trigger(),
                        run.caller(), cutoff.feedback() }))
                .replaceWith(version);
    }

    public Uni<TrainedModel> find(SqlConnection tx, int version) {
        return tx.preparedQuery(TrainedModel.SELECT + " where m.model_version = $1").execute(Tuple.of(version))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No recommendation model version " + version);
                    }
                    return TrainedModel.of(rows.iterator().next());
                });
    }

    /** The active version, if any. */
    public Uni<TrainedModel> active(io.vertx.mutiny.sqlclient.SqlClient client) {
        return client.query(TrainedModel.SELECT + " where m.active").execute()
                .map(rows -> rows.size() == 0 ? null : TrainedModel.of(rows.iterator().next()));
    }

    public Uni<TrainedModel> activate(SqlConnection tx, int version, String caller) {
        return tx.query("select pg_advisory_xact_lock(hashtextextended('recommendation.model-activate', 0))")
                .execute()
                .chain(() -> find(tx, version))
                .chain(model -> model.active() ? Uni.createFrom().item(model)
                        : tx.query("update gold.dim_recommendation_model set active = false where active").execute()
                                .chain(() -> tx.preparedQuery("""
                                        update gold.dim_recommendation_model
                                        set active = true, activated_at = now(), activated_by = $2
                                        where model_version = $1""").execute(Tuple.of(version, caller)))
                                .chain(() -> find(tx, version))
                                .call(activated -> writeSimilarities(tx, activated))
                                .call(activated -> events.announce(tx, activated)));
    }

    /** The active version's product-to-product similarities, for the similarity endpoint (set-based insert). */
    private Uni<Void> writeSimilarities(SqlConnection tx, TrainedModel model) {
        return cache.get(model).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(recommender -> SimilarProducts.of(recommender, SIMILAR_PRODUCTS))
                .chain(byProduct -> {
                    List<String> product = new ArrayList<>();
                    List<String> similar = new ArrayList<>();
                    List<Integer> rank = new ArrayList<>();
                    List<Double> similarity = new ArrayList<>();
                    List<Integer> shared = new ArrayList<>();
                    byProduct.forEach((id, neighbours) -> neighbours.forEach(n -> {
                        product.add(id);
                        similar.add(n.productId());
                        rank.add(n.rank());
                        similarity.add(n.similarity());
                        shared.add(n.sharedCustomers());
                    }));
                    return tx.preparedQuery("""
                            insert into silver.retail_product_similarity_matrix (model_version, product_id,
                                similar_product_id, rank, similarity, shared_customers)
                            select $1, * from unnest($2::text[], $3::text[], $4::int[], $5::float8[], $6::int[])
                            on conflict do nothing""")
                            .execute(Tuple.from(new Object[] { model.version(), product.toArray(String[]::new),
                                    similar.toArray(String[]::new), rank.toArray(Integer[]::new),
                                    similarity.toArray(Double[]::new), shared.toArray(Integer[]::new) }));
                })
                .replaceWithVoid();
    }

    public Uni<List<TrainedModel>> list(io.vertx.mutiny.sqlclient.SqlClient client, int before, int limit) {
        return client.preparedQuery(TrainedModel.SELECT
                + " where m.model_version < $1 order by m.model_version desc limit $2")
                .execute(Tuple.of(before, limit))
                .map(rows -> {
                    List<TrainedModel> models = new ArrayList<>();
                    for (Row r : rows) {
                        models.add(TrainedModel.of(r));
                    }
                    return models;
                });
    }
}
