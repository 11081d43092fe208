package org.retailcx.sales.ingest;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Runs in the ingestion transaction right after a batch reached bronze: brings silver and gold up to date for the
 * records in the batch and queues the events they imply. Beans implementing this are picked up by
 * {@link BronzeWriter} for the source they name, in {@link #order()}.
 */
public interface BronzeListener {

    /** The {@link BronzeSource#name()} this listener follows. */
    String source();

    /** Lower runs first (silver before gold before events that read gold). */
    default int order() {
        return 100;
    }

    /** @return the number of events queued in the outbox */
    Uni<Integer> afterBronze(SqlConnection tx, UUID batchId);
}
