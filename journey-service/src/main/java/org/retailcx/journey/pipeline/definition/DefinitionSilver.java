package org.retailcx.journey.pipeline.definition;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.journey.ingest.JourneySources;
import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Bronze → silver for definitions: an accepted submission becomes its version's draft, created by whoever the batch
 * ledger says submitted it; a refused one stays in bronze only. Not a layer rebuild: publication (draft, published,
 * retired) happens in silver and is not in bronze to rebuild from.
 */
@ApplicationScoped
public class DefinitionSilver implements BronzeListener {

    @Override
    public String source() {
        return JourneySources.DEFINITIONS.name();
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery("""
                insert into silver.journey_definition (journey_key, version, status, entry_event_type, definition,
                    bronze_id, created_by)
                select b.journey_key, b.version, 'draft', b.payload #>> '{entry,eventType}', b.payload, b.bronze_id,
                    i.received_by
                from bronze.retail_journey_definitions b join platform.ingestion_batches i using (batch_id)
                where b.batch_id = any($1) and b.accepted""")
                .execute(batches.tuple()).replaceWith(0);
    }
}
