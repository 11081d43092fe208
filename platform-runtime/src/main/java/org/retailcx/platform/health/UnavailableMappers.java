package org.retailcx.platform.health;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.retailcx.platform.problem.Problem;
import org.retailcx.platform.problem.ProblemMappers;

import io.vertx.core.VertxException;

/**
 * 503 with {@code Retry-After} instead of 500 when a call timed out on a dependency: the connection pool found no
 * connection in time, or Kafka did not answer within its timeout.
 */
public class UnavailableMappers {

    /** The Vert.x SQL pool's message when no connection became free within its connection timeout. */
    static final String POOL_TIMEOUT = "Timeout waiting for connection";

    private final long retryAfterSeconds;

    public UnavailableMappers(@ConfigProperty(name = "retailcx.api.retry-after") Duration retryAfter) {
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    @ServerExceptionMapper
    public Response poolTimeout(VertxException e, UriInfo uri) {
        if (!POOL_TIMEOUT.equals(e.getMessage())) {
            return new ProblemMappers().unexpected(e, uri);
        }
        return unavailable("No database connection became free in time; retry in " + retryAfterSeconds + " s", uri);
    }

    @ServerExceptionMapper
    public Response kafkaTimeout(org.apache.kafka.common.errors.TimeoutException e, UriInfo uri) {
        return unavailable("The Kafka broker did not answer in time; retry in " + retryAfterSeconds + " s", uri);
    }

    private Response unavailable(String detail, UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfterSeconds)
                .entity(new Problem(DependencyGate.PROBLEM_TYPE, "Service Unavailable", 503, detail,
                        uri == null ? null : uri.getPath(), List.of()))
                .build();
    }
}
