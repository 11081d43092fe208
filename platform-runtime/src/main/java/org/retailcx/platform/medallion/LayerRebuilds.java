package org.retailcx.platform.medallion;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Rebuilds every {@link LayerRebuild} in order, in one transaction that holds the promotion lock. */
@ApplicationScoped
public class LayerRebuilds {

    @RegisterForReflection
    public record RebuildReport(List<String> rebuilt) {
    }

    private final Pool pool;
    private final List<LayerRebuild> rebuilds;

    public LayerRebuilds(Pool pool, Instance<LayerRebuild> rebuilds) {
        this.pool = pool;
        this.rebuilds = rebuilds.stream().sorted(Comparator.comparingInt(LayerRebuild::order)).toList();
    }

    public Uni<RebuildReport> rebuildAll(String promotionLock) {
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(promotionLock))
                .chain(() -> Multi.createFrom().iterable(rebuilds)
                        .onItem().transformToUniAndConcatenate(r -> r.rebuild(tx).replaceWith(r.name()))
                        .collect().asList()))
                .map(RebuildReport::new);
    }
}
