package org.retailcx.sales.events;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.events.Outbox;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.ml.ModelVersionTrained;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Tells personalization-service's model registry about a lead-scoring version through the outbox, in the
 * transaction that trains or (de)activates it: {@code retailcx.sales.model-version.trained.v1}, subject and key the
 * model id. Lineage (data set, code version) is the one stored with the version, so every announcement of a version
 * carries the same, as the registry requires.
 */
@ApplicationScoped
public class ModelVersionEvents {

    public static final String MODEL_ID = "sales.lead-scoring";

    private final Outbox outbox;

    public ModelVersionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> announce(SqlConnection tx, String learner, int version, OffsetDateTime trainedAt,
            String trainingDatasetId, String codeVersion, Map<String, Double> metrics, boolean active) {
        var event = new ModelVersionTrained(MODEL_ID, "Lead scoring (" + learner + ")", learner, version, trainedAt,
                trainingDatasetId, codeVersion, metrics, active);
        return outbox.append(tx, EventCatalog.SALES_MODEL_VERSION_TRAINED, MODEL_ID, MODEL_ID, event).replaceWithVoid();
    }
}
