package org.retailcx.personalization.api;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.personalization.api.FeatureViews.OnlineFeatures;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The online read: a customer's feature vector in one indexed query, each value its latest within the TTL. */
@Path("/api/v1/personalization/customers/{customerId}/features")
@Produces(MediaType.APPLICATION_JSON)
public class OnlineFeatureResource {

    private final Pool pool;

    public OnlineFeatureResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @RolesAllowed({ Roles.SERVICE, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Latest value per feature within its TTL (null when none or expired); ?names=a,b (repeatable)"
            + " selects features, every defined one by default; 404 naming an undefined feature")
    public Uni<OnlineFeatures> read(@PathParam("customerId") String customerId,
            @QueryParam("names") List<String> names) {
        Set<String> wanted = new TreeSet<>();
        names.forEach(n -> Arrays.stream(n.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(wanted::add));
        return pool.preparedQuery("""
                select d.feature_name, a.feature_value::text as feature_value, a.event_time
                from silver.ml_feature_definition d
                left join silver.retail_customer_features_aggregated a
                    on a.customer_id = $1 and a.feature_name = d.feature_name
                    and (d.ttl_seconds = 0 or a.event_time >= now() - d.ttl_seconds * interval '1 second')
                where cardinality($2::text[]) = 0 or d.feature_name = any($2)
                order by d.feature_name""")
                .execute(Tuple.of(customerId, wanted.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    Map<String, OffsetDateTime> times = new LinkedHashMap<>();
                    for (Row r : rows) {
                        String value = r.getString("feature_value");
                        values.put(r.getString("feature_name"), value == null ? null : Json.decodeValue(value));
                        times.put(r.getString("feature_name"), r.getOffsetDateTime("event_time"));
                    }
                    wanted.stream().filter(n -> !values.containsKey(n)).findFirst().ifPresent(n -> {
                        throw ProblemException.notFound("Feature " + n + " is not defined");
                    });
                    return new OnlineFeatures(customerId, values, times);
                });
    }
}
