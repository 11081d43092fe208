package org.retailcx.platform.health;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.retailcx.platform.problem.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Fails API calls fast while the database does not answer, instead of letting them wait on a query a frozen
 * server never answers: a call that arrives while the database probe is DOWN gets 503 at once, and a call already
 * waiting is answered 503 once it has waited {@code retailcx.api.dependency-timeout} with the database DOWN. Both
 * carry {@code Retry-After}. A write answered this way may still commit when the database comes back: clients
 * retry with the same {@code Idempotency-Key}. Calls that are merely slow while the database answers are left
 * alone, and so are calls before the first probe answered (startup). Only {@code /api/*}; health, metrics and
 * OpenAPI stay reachable.
 */
@ApplicationScoped
public class DependencyGate {

    private static final Logger LOG = Logger.getLogger(DependencyGate.class);
    public static final String PROBLEM_TYPE = "urn:retailcx:problem:dependency-unavailable";

    private record Waiting(RoutingContext request, Context context, long since) {
    }

    private final DependencyProbes probes;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Duration dependencyTimeout;
    private final long retryAfterSeconds;
    private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();
    private long sweeper = -1;

    public DependencyGate(DependencyProbes probes, ObjectMapper json, Vertx vertx,
            @ConfigProperty(name = "retailcx.api.dependency-timeout") Duration dependencyTimeout,
            @ConfigProperty(name = "retailcx.api.retry-after") Duration retryAfter) {
        this.probes = probes;
        this.json = json;
        this.vertx = vertx;
        this.dependencyTimeout = dependencyTimeout;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(this::admit);
        sweeper = vertx.setPeriodic(Math.max(50, dependencyTimeout.toMillis() / 4), id -> sweep());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(sweeper);
    }

    private void admit(RoutingContext request) {
        DependencyProbes.Reachability database = probes.database();
        if (database.probed() && !database.up()) {
            reject(request, database);
            return;
        }
        Waiting call = new Waiting(request, Vertx.currentContext(), System.nanoTime());
        waiting.add(call);
        request.addEndHandler(ended -> waiting.remove(call));
        request.next();
    }

    private void sweep() {
        DependencyProbes.Reachability database = probes.database();
        if (!database.probed() || database.up() || waiting.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (Waiting call : waiting) {
            if (now - call.since() > dependencyTimeout.toNanos() && waiting.remove(call)) {
                call.context().runOnContext(v -> {
                    if (!call.request().response().headWritten() && !call.request().response().closed()) {
                        LOG.warnf("answered 503 to %s %s after %d ms waiting on the unreachable database; its late "
                                + "result will fail to write", call.request().request().method(),
                                call.request().normalizedPath(), Duration.ofNanos(now - call.since()).toMillis());
                        reject(call.request(), database);
                    }
                });
            }
        }
    }

    private void reject(RoutingContext request, DependencyProbes.Reachability database) {
        Problem problem = new Problem(PROBLEM_TYPE, "Service Unavailable", 503,
                "The database is unreachable (" + database.reason() + "); retry in " + retryAfterSeconds + " s",
                request.normalizedPath(), List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        LOG.debugf("503 for %s %s: database unreachable", request.request().method(), request.normalizedPath());
        request.response().setStatusCode(503).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(retryAfterSeconds)).end(body);
    }
}
