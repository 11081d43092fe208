package org.retailcx.recommendation.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.platform.medallion.BronzeWriter;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;
import org.retailcx.recommendation.pipeline.serving.RecommendationServing;
import org.retailcx.recommendation.pipeline.serving.ServedList;
import org.retailcx.recommendation.pipeline.serving.ServingContext;

import io.smallrye.mutiny.Uni;

/** Ranked products for a customer, as the app, web, email and branch ask for them. */
@Path("/api/v1/recommendation/customers/{customerId}/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    static final int MAX_K = 100;

    private final RecommendationServing serving;
    private final Caller caller;

    public RecommendationResource(RecommendationServing serving, Caller caller) {
        this.serving = serving;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.SERVICE, Roles.SALES_REP, Roles.SALES_MANAGER, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "The k best products for the customer in a context (Homepage, Account Dashboard, Mobile App, "
            + "Email, Branch), without products held or excluded, each with score, algorithm, reason and the "
            + "recommendation id feedback refers to; cold start answers with popular products")
    public Uni<ServedList> recommend(@PathParam("customerId") String customerId, @QueryParam("k") Integer k,
            @QueryParam("context") String context, @QueryParam("sessionId") String sessionId,
            @QueryParam("exclude") List<String> exclude) {
        int size = k == null ? 10 : k;
        if (size < 1 || size > MAX_K) {
            throw ProblemException.invalid("k", "must be between 1 and " + MAX_K);
        }
        String where = ServingContext.of(context).orElseThrow(() -> ProblemException.invalid("context",
                "must be one of " + String.join(", ", ServingContext.ALL)));
        if (customerId.length() > 128) {
            throw ProblemException.invalid("customerId", "must be at most 128 characters");
        }
        if (sessionId != null && sessionId.length() > 128) {
            throw ProblemException.invalid("sessionId", "must be at most 128 characters");
        }
        Set<String> excluded = new HashSet<>(ids(exclude));
        return serving.serve(customerId, size, where, sessionId, excluded, BronzeWriter.Caller.of(caller));
    }

    /** Product ids of a repeatable, comma-separated query parameter. */
    static List<String> ids(List<String> values) {
        List<String> ids = new java.util.ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }
}
