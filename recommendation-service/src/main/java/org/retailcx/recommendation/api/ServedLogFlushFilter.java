package org.retailcx.recommendation.api;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.retailcx.recommendation.pipeline.serving.ServedLog;

import io.smallrye.mutiny.Uni;

/**
 * Feedback and the served history read the served log, so they first wait for the write-behind {@link ServedLog} to
 * commit what it holds: a click never arrives before its impression is in silver.
 */
public class ServedLogFlushFilter {

    private final ServedLog log;

    public ServedLogFlushFilter(ServedLog log) {
        this.log = log;
    }

    // pre-matching and before the platform's MedallionRouting (priority 5000), which rewrites the feedback paths
    @ServerRequestFilter(preMatching = true, priority = 100)
    public Uni<Void> flushFirst(ContainerRequestContext request) {
        String raw = request.getUriInfo().getPath();
        String path = raw.startsWith("/") ? raw : "/" + raw;
        if (log.queued() > 0 && (path.startsWith("/api/v1/recommendation/feedback")
                || path.startsWith("/api/v1/recommendation/served-recommendations")
                || path.startsWith("/api/v1/recommendation/metrics")
                || path.startsWith("/api/v1/recommendation/admin"))) {
            return log.flush().onFailure().recoverWithNull(); // the feedback rule then judges what is there
        }
        return Uni.createFrom().voidItem();
    }
}
