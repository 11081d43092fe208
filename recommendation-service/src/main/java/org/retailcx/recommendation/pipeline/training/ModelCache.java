package org.retailcx.recommendation.pipeline.training;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.retailcx.recommendation.model.Recommender;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Fitted models by version, in memory. A version trained on this replica is cached as trained; one trained on
 * another replica (or before a restart) is refitted once from its stored cutoff, window and parameters, which gives
 * the same model. Only the newest few versions are kept.
 */
@ApplicationScoped
public class ModelCache {

    private static final Logger LOG = Logger.getLogger(ModelCache.class);
    private static final int KEEP = 3;

    private final Pool pool;
    private final Map<Integer, Uni<Recommender>> fitted = new ConcurrentHashMap<>();

    public ModelCache(Pool pool) {
        this.pool = pool;
    }

    public Uni<Recommender> get(TrainedModel model) {
        return fitted.computeIfAbsent(model.version(), v -> refit(model)
                .onFailure().invoke(failure -> fitted.remove(v))
                .memoize().indefinitely());
    }

    void put(int version, Recommender recommender) {
        fitted.put(version, Uni.createFrom().item(recommender));
        fitted.keySet().stream().sorted(java.util.Comparator.reverseOrder()).skip(KEEP).toList()
                .forEach(fitted::remove);
    }

    private Uni<Recommender> refit(TrainedModel model) {
        long started = System.nanoTime();
        return TrainingData.rows(pool, model.cutoffs(), model.windowFrom(), model.windowTo())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> TrainingSpecs.parse(model.algorithm(), model.parameters(), "algorithm")
                        .fit(TrainingData.matrix(rows)))
                .invoke(r -> LOG.infof("recommendation model version %d (%s) refitted from its stored data in %d ms",
                        model.version(), model.algorithm(), (System.nanoTime() - started) / 1_000_000));
    }
}
