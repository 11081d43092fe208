package org.retailcx.personalization.api;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.personalization.api.PredictionViews.Latest;
import org.retailcx.personalization.api.PredictionViews.Prediction;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A customer's predictions: the latest per type (a front end's hot path, one indexed read) and the history. Writes
 * go through {@code PUT|POST /api/v1/personalization/predictions…} and the sales and clv events.
 */
@Path("/api/v1/personalization/customers/{customerId}/predictions")
@Produces(MediaType.APPLICATION_JSON)
public class PredictionResource {

    private final Pool pool;

    public PredictionResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @RolesAllowed({ Roles.SERVICE, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "The latest prediction per type (or of one type) for a customer; empty when none")
    public Uni<List<Latest>> latest(@PathParam("customerId") String customerId, @QueryParam("type") String type) {
        return pool.preparedQuery("""
                select customer_id, prediction_type, prediction_id, model_id, model_version, predicted_value,
                    confidence_score, prediction_timestamp
                from silver.ml_prediction_latest
                where customer_id = $1 and ($2::text is null or prediction_type = $2)
                order by prediction_type""").execute(Tuple.of(customerId, type))
                .map(rows -> {
                    List<Latest> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Latest(r.getString("customer_id"), r.getString("prediction_type"),
                                r.getString("prediction_id"), r.getString("model_id"), r.getInteger("model_version"),
                                r.getDouble("predicted_value"), r.getDouble("confidence_score"),
                                r.getOffsetDateTime("prediction_timestamp")));
                    }
                    return out;
                });
    }

    @GET
    @Path("/history")
    @RolesAllowed({ Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "Every valid prediction for a customer (optionally of one type), newest first")
    public Uni<Page<Prediction>> history(@PathParam("customerId") String customerId, @QueryParam("type") String type,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        String after = Page.after(cursor);
        OffsetDateTime beforeTime = OffsetDateTime.MAX;
        String beforeId = "";
        if (after != null) {
            int bar = after.indexOf('|');
            try {
                beforeTime = OffsetDateTime.parse(after.substring(0, Math.max(bar, 0)));
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API returned");
            }
            beforeId = after.substring(bar + 1);
        }
        return pool.preparedQuery("""
                select f.prediction_id, f.customer_id, f.prediction_type, m.model_id, m.version, f.predicted_value,
                    f.confidence_score, f.feature_values::text as feature_values, f.prediction_timestamp,
                    f.model_runtime_ms
                from gold.fact_ml_model_predictions f
                join gold.dim_ml_model m on m.model_key = f.model_key
                where f.customer_id = $1 and ($2::text is null or f.prediction_type = $2)
                    and ($3::text = '' or (f.prediction_timestamp, f.prediction_id) < ($4, $3))
                order by f.prediction_timestamp desc, f.prediction_id desc
                limit $5""").execute(Tuple.from(new Object[] { customerId, type, beforeId,
                        after == null ? null : beforeTime, size + 1 }))
                .map(rows -> {
                    List<Prediction> out = new ArrayList<>();
                    for (Row r : rows) {
                        String features = r.getString("feature_values");
                        out.add(new Prediction(r.getString("prediction_id"), r.getString("customer_id"),
                                r.getString("prediction_type"), r.getString("model_id"), r.getInteger("version"),
                                r.getDouble("predicted_value"), r.getDouble("confidence_score"),
                                features == null ? null : new JsonObject(features).getMap(),
                                r.getOffsetDateTime("prediction_timestamp"), r.getDouble("model_runtime_ms")));
                    }
                    return Page.of(out, size, p -> p.predictionTimestamp() + "|" + p.predictionId());
                });
    }
}
