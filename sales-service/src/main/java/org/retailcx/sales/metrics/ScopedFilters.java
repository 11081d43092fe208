package org.retailcx.sales.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Caller;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A metric filter within the caller's {@link RepScope}, checked before the metric runs: a rep asking for another rep
 * and a manager asking for a rep outside their team both get 403 naming {@code repId} rather than empty figures.
 */
@ApplicationScoped
public class ScopedFilters {

    private final Pool pool;
    private final Caller caller;

    public ScopedFilters(Pool pool, Caller caller) {
        this.pool = pool;
        this.caller = caller;
    }

    public Uni<MetricFilter> within(MetricFilter filter) {
        RepScope scope = RepScope.of(caller);
        filter.within(scope);
        if (scope.kind() != RepScope.Kind.TEAM || filter.repId == null) {
            return Uni.createFrom().item(filter);
        }
        return pool.preparedQuery("select " + RepScope.teamCondition("$1", 2))
                .execute(Tuple.of(filter.repId, scope.repId()))
                .map(rows -> {
                    if (!Boolean.TRUE.equals(rows.iterator().next().getBoolean(0))) {
                        throw ProblemException.forbidden("repId", "a sales manager sees their team's figures only ("
                                + filter.repId + " is not in the team of " + scope.repId() + ")");
                    }
                    return filter;
                });
    }
}
