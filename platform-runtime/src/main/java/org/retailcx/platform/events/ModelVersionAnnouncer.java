package org.retailcx.platform.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.retailcx.schema.EventType;
import org.retailcx.schema.ml.ModelVersionTrained;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Tells personalization-service's model registry about a model version through the outbox, in the transaction that
 * trains or (de)activates it: each training domain has its own {@code <domain>.model-version.trained} type; subject
 * and key are the model id, so the versions of one model stay in order. The registry refuses a version whose lineage
 * changes between announcements, so callers pass the lineage stored with the version, not today's.
 */
@ApplicationScoped
public class ModelVersionAnnouncer {

    private final Outbox outbox;
    private final String codeVersion;

    public ModelVersionAnnouncer(Outbox outbox,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.outbox = outbox;
        this.codeVersion = service + " " + version;
    }

    /** What a version trained now records as its code version: the service and its build version. */
    public String codeVersion() {
        return codeVersion;
    }

    public Uni<Void> announce(SqlConnection tx, EventType<ModelVersionTrained> type, ModelVersionTrained version) {
        return outbox.append(tx, type, version.modelId(), version.modelId(), version).replaceWithVoid();
    }
}
