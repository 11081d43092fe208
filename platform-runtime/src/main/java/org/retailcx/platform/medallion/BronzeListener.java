package org.retailcx.platform.medallion;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Brings silver and gold up to date for the records of bronze batches, and queues the events they imply, in the
 * promotion's transaction, after the source's data-quality rules have quarantined what breaks them. Beans
 * implementing this run for the source they name, in {@link #order()}.
 */
public interface BronzeListener {

    /** The {@link MedallionSource#name()} this listener follows. */
    String source();

    /** Lower runs first (silver before gold before events that read gold). */
    default int order() {
        return 100;
    }

    /** @return the number of events queued in the outbox */
    Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches);
}
