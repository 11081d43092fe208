package org.retailcx.recommendation.events;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.retailcx.platform.events.Outbox;
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

    private final Outbox outbox;
    private final String codeVersion;

    public ModelVersionEvents(Outbox outbox,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.outbox = outbox;
        this.codeVersion = service + " " + version;
    }

    public Uni<Void> announce(SqlConnection tx, TrainedModel model) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("interactions", (double) model.interactions());
        metrics.put("pairs", (double) model.pairs());
        metrics.put("customers", (double) model.customers());
        metrics.put("products", (double) model.products());
        metrics.put("fitMillis", (double) model.fitMillis());
        var event = new ModelVersionTrained(MODEL_ID, "Product recommender (" + model.algorithm() + ")",
                model.algorithm(), model.version(), model.trainedAt(), model.trainingDatasetId(), codeVersion,
                metrics, model.active());
        return outbox.append(tx, EventCatalog.RECOMMENDATION_MODEL_VERSION_TRAINED, MODEL_ID, MODEL_ID, event)
                .replaceWithVoid();
    }
}
