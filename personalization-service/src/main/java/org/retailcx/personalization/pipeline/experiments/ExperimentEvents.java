package org.retailcx.personalization.pipeline.experiments;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.personalization.ingest.PersonalizationSources;
import org.retailcx.platform.events.Outbox;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.personalization.ExperimentDefinitionPublished;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Tells the services that assign locally about every definition the batch made current, in its transaction:
 * {@code experiment.published} for version 1, {@code experiment.changed} after. Experiments are few and change
 * rarely, so one event per experiment, each checked against its schema by the outbox.
 */
@ApplicationScoped
public class ExperimentEvents implements BronzeListener {

    private final Outbox outbox;
    private final PublishedExperiments published;

    public ExperimentEvents(Outbox outbox, PublishedExperiments published) {
        this.outbox = outbox;
        this.published = published;
    }

    @Override
    public String source() {
        return PersonalizationSources.EXPERIMENTS.name();
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return published.changedBy(tx, batches.tuple()).chain(definitions -> Multi.createFrom().iterable(definitions)
                .onItem().transformToUniAndConcatenate(d -> announce(tx, d)).collect().asList()
                .replaceWith(0));
    }

    private Uni<Void> announce(SqlConnection tx, Map<String, Object> definition) {
        String id = (String) definition.get("key");
        int version = (Integer) definition.get("version");
        var type = version == 1 ? EventCatalog.PERSONALIZATION_EXPERIMENT_PUBLISHED
                : EventCatalog.PERSONALIZATION_EXPERIMENT_CHANGED;
        return outbox.append(tx, type, id, id,
                new ExperimentDefinitionPublished(id, version, (String) definition.get("status"), definition))
                .replaceWithVoid();
    }
}
