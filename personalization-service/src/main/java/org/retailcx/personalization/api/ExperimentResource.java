package org.retailcx.personalization.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.personalization.client.ExperimentDefinitions;
import org.retailcx.personalization.model.experiment.Assignment;
import org.retailcx.personalization.model.experiment.EvaluationContext;
import org.retailcx.personalization.model.experiment.ExperimentEvaluator;
import org.retailcx.personalization.pipeline.experiments.PublishedExperiments;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Published experiment definitions (what {@code client.ExperimentClient} evaluates locally) and the same assignment
 * as a call, for callers that cannot embed the client.
 */
@Path("/api/v1/personalization/experiments")
@Produces(MediaType.APPLICATION_JSON)
public class ExperimentResource {

    /** The one query parameter kept as text: it is the default hash attribute's value. */
    private static final String CUSTOMER_ID = "customerId";

    private final Pool pool;
    private final PublishedExperiments published;

    public ExperimentResource(Pool pool, PublishedExperiments published) {
        this.pool = pool;
        this.published = published;
    }

    public record Published(List<Map<String, Object>> experiments) {
    }

    public record AssignmentView(String experimentId, String customerId, int definitionVersion, int variationId,
            Object variant, boolean inExperiment, String hashAttribute, String hashValue, Double bucket) {
    }

    @GET
    @RolesAllowed({ Roles.SERVICE, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Running experiments in GrowthBook's JSON shape, what ExperimentClient evaluates")
    public Uni<Published> running() {
        return published.running(pool).map(Published::new);
    }

    @GET
    @Path("/{experimentId}")
    @RolesAllowed({ Roles.SERVICE, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "One experiment's definition, whatever its status; 404 naming it")
    public Uni<Map<String, Object>> one(@PathParam("experimentId") String experimentId) {
        return definition(experimentId);
    }

    @GET
    @Path("/{experimentId}/assignment")
    @RolesAllowed({ Roles.SERVICE, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "The customer's variation: ?customerId= (the hash attribute `id` unless given) and any"
            + " other parameter as a customer attribute for the targeting condition (numbers and true/false typed)")
    public Uni<AssignmentView> assignment(@PathParam("experimentId") String experimentId, @Context UriInfo uri) {
        String customerId = uri.getQueryParameters().getFirst(CUSTOMER_ID);
        if (customerId == null || customerId.isBlank()) {
            throw ProblemException.invalid(CUSTOMER_ID, "required: the customer to assign");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", customerId);
        uri.getQueryParameters().forEach((name, values) -> attributes.put(name, typed(values.get(0))));
        attributes.put(CUSTOMER_ID, customerId);
        return definition(experimentId).map(d -> {
            Assignment a = ExperimentEvaluator.run(ExperimentDefinitions.fromJson(d),
                    new EvaluationContext(attributes, null, true, false, Map.of(), Map.of()));
            return new AssignmentView(experimentId, customerId, (Integer) d.get("version"), a.variationId(),
                    a.value(), a.inExperiment(), a.hashAttribute(), a.hashValue(), a.bucket());
        });
    }

    private Uni<Map<String, Object>> definition(String experimentId) {
        return published.one(pool, experimentId).map(d -> {
            if (d == null) {
                throw ProblemException.notFound("Experiment " + experimentId + " is not defined");
            }
            return d;
        });
    }

    /** A query parameter as a condition compares it: a number or a boolean when it reads as one, else text. */
    static Object typed(String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        try {
            return new BigDecimal(value).doubleValue();
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
