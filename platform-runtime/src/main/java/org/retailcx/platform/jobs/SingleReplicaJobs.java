package org.retailcx.platform.jobs;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs a job on one replica at a time: the work runs inside a transaction that holds a PostgreSQL advisory lock
 * named after the job; a replica that cannot take the lock skips the run (empty result).
 */
@ApplicationScoped
public class SingleReplicaJobs {

    private final Pool pool;

    public SingleReplicaJobs(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<Optional<T>> runExclusive(String jobName, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(tx -> tx
                .preparedQuery("select pg_try_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(jobName))
                .chain(rows -> rows.iterator().next().getBoolean(0)
                        ? work.apply(tx).map(Optional::ofNullable)
                        : Uni.createFrom().item(Optional.<T>empty())));
    }
}
