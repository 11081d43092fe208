package org.retailcx.personalization.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.experiment.ExperimentDefinitions;
import org.retailcx.experiment.Assignment;
import org.retailcx.experiment.EvaluationContext;
import org.retailcx.experiment.ExperimentEvaluator;
import org.retailcx.personalization.model.stats.ExperimentAnalysis;
import org.retailcx.personalization.pipeline.experiments.ExperimentResults;
import org.retailcx.personalization.pipeline.experiments.PublishedExperiments;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

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

    @GET
    @Path("/{experimentId}/results")
    @RolesAllowed({ Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "SRM check and, per metric (conversion; the success metric when values were given) and"
            + " treatment: Welch relative/absolute, Bayesian chance to win and risks, sequential interval, CUPED when"
            + " every unit has a pre-period value, Holm and BH over the family; ?alpha= (default 0.05)")
    public Uni<ExperimentAnalysis.Results> results(@PathParam("experimentId") String experimentId,
            @QueryParam("alpha") @DefaultValue("0.05") double alpha) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw ProblemException.invalid("alpha", "must be above 0 and below 0.5");
        }
        return definition(experimentId).chain(d -> ExperimentResults.compute(pool, d, alpha)).map(c -> {
            if (c == null) {
                throw ProblemException.conflict("no-exposures", "Experiment " + experimentId + " has no exposures yet");
            }
            return c.results();
        });
    }

    public record StoredResults(String experimentId, List<Map<String, Object>> results) {
    }

    @GET
    @Path("/{experimentId}/results/stored")
    @RolesAllowed({ Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "The stored results (silver.retail_ab_test_results, alpha 0.05) as the last promotion of"
            + " exposures left them: per metric and treatment, with computed_at and the data's as-of; 404 naming it")
    public Uni<StoredResults> stored(@PathParam("experimentId") String experimentId) {
        return definition(experimentId).chain(d -> pool.preparedQuery(STORED).execute(Tuple.of(experimentId)))
                .map(rows -> {
                    List<Map<String, Object>> out = new ArrayList<>();
                    rows.forEach(r -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        for (int i = 0; i < r.size(); i++) {
                            Object v = r.getValue(i);
                            m.put(camel(r.getColumnName(i)), v instanceof java.time.temporal.Temporal ? v.toString() : v);
                        }
                        out.add(m);
                    });
                    return new StoredResults(experimentId, out);
                });
    }

    private static final String STORED = """
            select * from silver.retail_ab_test_results where experiment_id = $1 order by metric, variation""";

    private static String camel(String column) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
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
