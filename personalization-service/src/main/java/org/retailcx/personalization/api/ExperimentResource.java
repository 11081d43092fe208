package org.retailcx.personalization.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
import org.retailcx.personalization.pipeline.experiments.PublishedExperiments;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
        return definition(experimentId).chain(d -> pool.preparedQuery(ARMS).execute(Tuple.of(experimentId))
                .map(rows -> {
                    @SuppressWarnings("unchecked")
                    List<Object> variants = (List<Object>) d.get("variations");
                    @SuppressWarnings("unchecked")
                    List<Double> weights = (List<Double>) d.get("weights");
                    Map<Object, Row> byVariant = new HashMap<>();
                    rows.forEach(r -> byVariant.put(r.getString("variant_id"), r));
                    boolean valued = byVariant.values().stream().anyMatch(r -> r.getBoolean("valued"));
                    long[] units = new long[variants.size()];
                    List<ExperimentAnalysis.Arm> conversion = new ArrayList<>();
                    List<ExperimentAnalysis.Arm> metric = new ArrayList<>();
                    for (int i = 0; i < variants.size(); i++) {
                        Row r = byVariant.get(variants.get(i));
                        String v = String.valueOf(variants.get(i));
                        units[i] = r == null ? 0 : r.getLong("n");
                        double conversions = r == null ? 0 : r.getLong("conversions");
                        conversion.add(new ExperimentAnalysis.Arm(v, units[i], conversions, conversions, 0, 0, 0, 0));
                        metric.add(r == null ? new ExperimentAnalysis.Arm(v, 0, 0, 0, 0, 0, 0, 0)
                                : new ExperimentAnalysis.Arm(v, units[i], r.getDouble("sum"), r.getDouble("sum_sq"),
                                        r.getLong("pre_n"), r.getDouble("sum_pre"), r.getDouble("sum_pre_sq"),
                                        r.getDouble("sum_post_pre")));
                    }
                    List<ExperimentAnalysis.Metric> metrics = new ArrayList<>();
                    metrics.add(new ExperimentAnalysis.Metric("conversion", true, conversion));
                    if (valued) {
                        metrics.add(new ExperimentAnalysis.Metric((String) d.get("successMetric"), false, metric));
                    }
                    if (Arrays.stream(units).sum() == 0) {
                        throw ProblemException.conflict("no-exposures", "Experiment " + experimentId
                                + " has no exposures yet");
                    }
                    return ExperimentAnalysis.analyse(units, weights.stream().mapToDouble(Double::doubleValue)
                            .toArray(), metrics, alpha);
                }));
    }

    /** Per variant the sums the analysis needs; valued: some unit's metric is not just its conversion. */
    private static final String ARMS = """
            select variant_id, count(*) as n, count(*) filter (where conversion_flag) as conversions,
                sum(metric_value) as sum, sum(metric_value * metric_value) as sum_sq,
                count(pre_metric_value) as pre_n, coalesce(sum(pre_metric_value), 0) as sum_pre,
                coalesce(sum(pre_metric_value * pre_metric_value), 0) as sum_pre_sq,
                coalesce(sum(metric_value * pre_metric_value), 0) as sum_post_pre,
                bool_or(metric_value <> case when conversion_flag then 1 else 0 end) as valued
            from silver.ab_assignment where experiment_id = $1 group by variant_id""";

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
