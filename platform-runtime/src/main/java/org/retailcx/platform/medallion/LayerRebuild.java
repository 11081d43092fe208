package org.retailcx.platform.medallion;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A part of silver or gold that can be rebuilt from the layer below it, idempotently and set-based.
 * {@code POST /api/v1/<domain>/admin/rebuild} runs every bean implementing this in {@link #order()}, in one
 * transaction.
 */
public interface LayerRebuild {

    /** What it rebuilds, e.g. {@code silver.retail_sales_opportunity_golden}. */
    String name();

    /** Silver parts before gold parts; dimensions before facts. */
    int order();

    Uni<Void> rebuild(SqlConnection tx);
}
