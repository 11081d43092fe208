package org.retailcx.sentiment.pipeline;

import org.retailcx.platform.medallion.BronzeBatches;
import org.retailcx.platform.medallion.BronzeListener;
import org.retailcx.platform.medallion.LayerRebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A silver table holding each record's newest bronze version, kept by one upsert whose {@code %s} is the bronze
 * rows to read: the batches just written, or every row on a rebuild.
 */
abstract class NewestVersions implements BronzeListener, LayerRebuild {

    private final String source;
    private final String table;
    private final int order;
    private final String upsert;

    NewestVersions(String source, String table, int order, String upsert) {
        this.source = source;
        this.table = table;
        this.order = order;
        this.upsert = upsert;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Uni<Integer> afterBronze(SqlConnection tx, BronzeBatches batches) {
        return tx.preparedQuery(upsert.formatted("b.batch_id = any($1)")).execute(batches.tuple()).replaceWith(0);
    }

    @Override
    public String name() {
        return table;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx) {
        return tx.query(upsert.formatted("true")).execute().replaceWithVoid();
    }
}
