package org.retailcx.recommendation.events;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.ModelVersionAnnouncer;
import org.retailcx.recommendation.pipeline.training.TrainedModel;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.ml.ModelVersionTrained;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Tells personalization-service's model registry about a version, through the outbox in the training's (or the
 * activation's) transaction: {@code retailcx.recommendation.model-version.trained.v1}, once when it is trained and
 * again with {@code active = true} when it is activated. Subject and key are the model id.
 */
@ApplicationScoped
public class ModelVersionEvents {

    public static final String MODEL_ID = "recommendation.product-recommender";

    private final ModelVersionAnnouncer announcer;

    public ModelVersionEvents(ModelVersionAnnouncer announcer) {
        this.announcer = announcer;
    }

    public Uni<Void> announce(SqlConnection tx, TrainedModel model) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("interactions", (double) model.interactions());
        metrics.put("pairs", (double) model.pairs());
        metrics.put("customers", (double) model.customers());
        metrics.put("products", (double) model.products());
        metrics.put("fitMillis", (double) model.fitMillis());
        var event = new ModelVersionTrained(MODEL_ID, "Product recommender (" + model.algorithm() + ")",
                model.algorithm(), model.version(), model.trainedAt(), model.trainingDatasetId(),
                announcer.codeVersion(), metrics, model.active());
        return announcer.announce(tx, EventCatalog.RECOMMENDATION_MODEL_VERSION_TRAINED, event);
    }
}
