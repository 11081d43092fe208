package org.retailcx.platform.problem;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Refuses a request whose header fields add up to more than {@code retailcx.http.max-header-bytes} with 431
 * problem+json naming the largest header. Vert.x's own limit ({@code quarkus.http.limits.max-header-size}) sits well
 * above, because Vert.x answers its 431 with an empty body before any route runs.
 */
@ApplicationScoped
public class HeaderLimit {

    void install(@Observes Router router,
            @ConfigProperty(name = "retailcx.http.max-header-bytes") int maxHeaderBytes) {
        router.route().order(Integer.MIN_VALUE + 90).handler(rc -> {
            long total = 0;
            Map.Entry<String, String> largest = null;
            for (Map.Entry<String, String> header : rc.request().headers()) {
                total += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
                if (largest == null || header.getValue().length() > largest.getValue().length()) {
                    largest = header;
                }
            }
            if (total <= maxHeaderBytes) {
                rc.next();
                return;
            }
            String name = largest.getKey();
            JsonObject problem = new JsonObject().put("type", ProblemTypes.HEADERS_TOO_LARGE)
                    .put("title", "Request Header Fields Too Large").put("status", 431)
                    .put("detail", "The request's header fields hold " + total + " bytes; at most " + maxHeaderBytes
                            + " are accepted (the largest is " + name + ", " + largest.getValue().length() + " bytes)")
                    .put("instance", rc.request().path())
                    .put("errors", new JsonArray().add(new JsonObject().put("field", name)
                            .put("message", "too large (" + largest.getValue().length() + " bytes)")));
            rc.response().setStatusCode(431).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(problem.encode());
        });
    }
}
