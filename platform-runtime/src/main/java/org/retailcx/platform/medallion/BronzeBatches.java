package org.retailcx.platform.medallion;

import java.util.UUID;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The bronze batches one promotion step covers: consecutive batches of one source, in arrival order. Listeners
 * select their rows with {@code b.batch_id = any($1)} and {@link #tuple()}.
 */
public record BronzeBatches(UUID[] ids) {

    public static BronzeBatches of(UUID... ids) {
        return new BronzeBatches(ids);
    }

    /** A tuple holding the ids as {@code $1} (a uuid[]). */
    public Tuple tuple() {
        return Tuple.of((Object) ids);
    }

    /** The first batch: the lineage recorded where one batch id is kept. */
    public UUID first() {
        return ids[0];
    }
}
