package org.retailcx.personalization.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.personalization.api.FeatureViews.HistoricalRequest;
import org.retailcx.personalization.api.FeatureViews.HistoricalRow;
import org.retailcx.personalization.model.features.EntityRow;
import org.retailcx.personalization.model.features.FeatureEvent;
import org.retailcx.personalization.model.features.FeatureRow;
import org.retailcx.personalization.model.features.PointInTimeJoin;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Point-in-time correct retrieval for training sets: for each entity row, each feature as of the row's time (event
 * time ≤ row time and within the TTL; latest event time wins, created time breaks ties), so that no value from the
 * row's future leaks into it.
 */
@Path("/api/v1/personalization/historical-features")
@Produces(MediaType.APPLICATION_JSON)
public class HistoricalFeatureResource {

    private final Pool pool;
    private final IngestionReader reader;

    public HistoricalFeatureResource(Pool pool, IngestionReader reader) {
        this.pool = pool;
        this.reader = reader;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Each requested feature as of each entity row's timestamp; 404 naming an undefined feature")
    public Uni<List<HistoricalRow>> retrieve(
            @RequestBody(content = @Content(schema = @Schema(implementation = HistoricalRequest.class))) String body) {
        HistoricalRequest request = reader.readOne(body, HistoricalRequest.class).value();
        if (request.rows().size() > reader.maxRecords()) {
            throw ProblemException.invalid("rows", "at most " + reader.maxRecords() + " rows per request");
        }
        List<String> features = List.copyOf(new LinkedHashSet<>(request.features()));
        List<EntityRow> rows = request.rows().stream()
                .map(r -> new EntityRow(r.entityId(), r.timestamp().toInstant())).toList();
        String[] entities = rows.stream().map(EntityRow::entityId).distinct().toArray(String[]::new);
        OffsetDateTime latest = rows.stream().map(EntityRow::timestamp).max(java.util.Comparator.naturalOrder())
                .orElseThrow().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("select feature_name, ttl_seconds from silver.ml_feature_definition"
                + " where feature_name = any($1)").execute(Tuple.of((Object) features.toArray(String[]::new)))
                .chain(definitions -> {
                    Map<String, Duration> ttls = new LinkedHashMap<>();
                    for (Row d : definitions) {
                        ttls.put(d.getString(0), Duration.ofSeconds(d.getLong(1)));
                    }
                    Map<String, Duration> ordered = new LinkedHashMap<>();
                    for (String f : features) {
                        if (!ttls.containsKey(f)) {
                            throw ProblemException.notFound("Feature " + f + " is not defined");
                        }
                        ordered.put(f, ttls.get(f));
                    }
                    return pool.preparedQuery("""
                            select customer_id, feature_name, feature_value::text, event_time, created_time
                            from silver.ml_feature_value
                            where customer_id = any($1) and feature_name = any($2) and event_time <= $3""")
                            .execute(Tuple.of(entities, features.toArray(String[]::new), latest))
                            .map(values -> {
                                List<FeatureEvent> events = new ArrayList<>();
                                for (Row v : values) {
                                    events.add(new FeatureEvent(v.getString(0), v.getString(1),
                                            Json.decodeValue(v.getString(2)), v.getOffsetDateTime(3).toInstant(),
                                            v.getOffsetDateTime(4).toInstant()));
                                }
                                List<HistoricalRow> out = new ArrayList<>(rows.size());
                                for (FeatureRow joined : PointInTimeJoin.join(rows, events, ordered)) {
                                    out.add(new HistoricalRow(joined.row().entityId(),
                                            joined.row().timestamp().atOffset(ZoneOffset.UTC), joined.values()));
                                }
                                return out;
                            });
                });
    }
}
