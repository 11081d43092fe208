package org.retailcx.recommendation.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;
import org.retailcx.recommendation.pipeline.affinity.Affinities;

import io.smallrye.mutiny.Uni;

/** A customer's affinity and calibrated propensity per product. */
@Path("/api/v1/recommendation/customers/{customerId}/affinities")
@Produces(MediaType.APPLICATION_JSON)
public class AffinityResource {

    private final Affinities affinities;

    public AffinityResource(Affinities affinities) {
        this.affinities = affinities;
    }

    @GET
    @RolesAllowed({ Roles.SERVICE, Roles.SALES_REP, Roles.SALES_MANAGER, Roles.MARKETING, Roles.DATA_SCIENTIST,
            Roles.ADMIN })
    @Operation(summary = "Affinity (score percentile) and propensity (calibrated take-up probability, null before the "
            + "active version is calibrated) for the products asked (product, repeatable or comma-separated; 404 for "
            + "one the model does not know) or the k (1-100, default 10) best not held")
    public Uni<Affinities.CustomerAffinities> affinities(@PathParam("customerId") String customerId,
            @QueryParam("product") List<String> product, @QueryParam("k") Integer k) {
        int size = k == null ? 10 : k;
        if (size < 1 || size > RecommendationResource.MAX_K) {
            throw ProblemException.invalid("k", "must be between 1 and " + RecommendationResource.MAX_K);
        }
        if (customerId.length() > 128) {
            throw ProblemException.invalid("customerId", "must be at most 128 characters");
        }
        List<String> products = RecommendationResource.ids(product);
        if (products.size() > RecommendationResource.MAX_K) {
            throw ProblemException.invalid("product", "at most " + RecommendationResource.MAX_K + " products");
        }
        return affinities.of(customerId, products, size);
    }
}
