package org.retailcx.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Refuses a request whose declared body is above {@code retailcx.bulk.max-body-bytes} with 413 problem+json before
 * any of it is read. A body without a Content-Length is counted as it streams by the ingestion reader.
 */
@ApplicationScoped
public class BodyLimit {

    void install(@Observes Router router,
            @ConfigProperty(name = "retailcx.bulk.max-body-bytes") long maxBodyBytes) {
        router.route().order(Integer.MIN_VALUE + 100).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > maxBodyBytes) {
                JsonObject problem = new JsonObject().put("type", ProblemTypes.BATCH_TOO_LARGE)
                        .put("title", "Body too large").put("status", 413)
                        .put("detail", "A request body holds at most " + maxBodyBytes + " bytes; this one declares "
                                + declared)
                        .put("instance", rc.request().path());
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(problem.encode());
                return;
            }
            rc.next();
        });
    }
}
