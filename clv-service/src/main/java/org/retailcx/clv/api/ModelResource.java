package org.retailcx.clv.api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.clv.metrics.ModelAccuracy;
import org.retailcx.clv.pipeline.ClvModelService;
import org.retailcx.clv.pipeline.ClvRefitJob;
import org.retailcx.clv.pipeline.ModelQueries;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.AdminActions;
import org.retailcx.platform.security.Roles;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** CLV model versions: fit (and score), list, activate, refit, holdout accuracy. */
@Path("/api/v1/clv/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final Pool pool;
    private final IngestionReader reader;
    private final ClvModelService models;
    private final ClvRefitJob refits;
    private final ModelAccuracy accuracy;
    private final AdminActions adminActions;

    public ModelResource(Pool pool, IngestionReader reader, ClvModelService models, ClvRefitJob refits,
            ModelAccuracy accuracy, AdminActions adminActions) {
        this.pool = pool;
        this.reader = reader;
        this.models = models;
        this.refits = refits;
        this.accuracy = accuracy;
        this.adminActions = adminActions;
    }

    @POST
    @Path("/fit")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Fit BG/NBD + Gamma-Gamma on a calibration window, store a new version, score every "
            + "customer into gold, optionally activate; 422 when the data are too few")
    public Uni<Response> fit(@RequestBody(content = @Content(schema = @Schema(implementation = FitRequest.class)))
            String body) {
        FitRequest request = reader.readOne(body, FitRequest.class).value();
        if (request.calibrationEnd().isAfter(LocalDate.now(ZoneOffset.UTC))) {
            throw ProblemException.invalid("calibrationEnd", "must not be in the future");
        }
        return pool.withTransaction(tx -> models.fit(tx, request, "api")
                .call(m -> adminActions.record(tx, "clv.fit", Integer.toString(m.version()), new JsonObject(body))))
                .map(m -> Response.status(201).entity(m).build());
    }

    @POST
    @Path("/refit")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Run the scheduled refit now (one replica at a time: 409 while another runs it)")
    public Uni<Response> refit(@QueryParam("calibrationEnd") LocalDate calibrationEnd) {
        LocalDate end = calibrationEnd == null ? LocalDate.now(ZoneOffset.UTC).minusDays(1) : calibrationEnd;
        return refits.refit(end, "api")
                .call(result -> result.isEmpty() ? Uni.createFrom().voidItem()
                        : adminActions.record(pool, "clv.refit", Integer.toString(result.get().version()),
                                new JsonObject().put("calibrationEnd", end.toString())))
                .map(result -> result
                .map(m -> Response.status(201).entity(m).build())
                .orElseThrow(() -> ProblemException.conflict("urn:retailcx:problem:clv-refit-running",
                        "A CLV refit is already running on another replica")));
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "Model versions, newest first")
    public Uni<Page<ModelVersion>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        String after = Page.after(cursor);
        int before;
        try {
            before = after == null ? Integer.MAX_VALUE : Integer.parseInt(after);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
        return pool.preparedQuery(ModelQueries.SELECT
                + " where m.clv_model_version < $1 order by m.clv_model_version desc limit $2")
                .execute(Tuple.of(before, size + 1))
                .map(rows -> {
                    List<ModelVersion> items = new ArrayList<>();
                    for (Row r : rows) {
                        items.add(ModelQueries.map(r));
                    }
                    return Page.of(items, size, m -> String.valueOf(m.version()));
                });
    }

    @GET
    @Path("/active")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "The active model version")
    public Uni<ModelVersion> active() {
        return pool.preparedQuery(ModelQueries.SELECT + " where m.active").execute()
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No CLV model is active yet");
                    }
                    return ModelQueries.map(rows.iterator().next());
                });
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "One model version: parameters, fit statistics, calibration window")
    public Uni<ModelVersion> get(@PathParam("version") int version) {
        return pool.withConnection(c -> models.find(c, version));
    }

    @POST
    @Path("/{version}/activate")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Make a version active; publishes its predictions and the decile changes")
    public Uni<ModelVersion> activate(@PathParam("version") int version) {
        return pool.withTransaction(tx -> models.activate(tx, version)
                .call(() -> adminActions.record(tx, "clv.activate", Integer.toString(version), null)));
    }

    @GET
    @Path("/{version}/accuracy")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "Predicted vs actual over the holdout window (calibration end, holdoutEnd]")
    public Uni<AccuracyResponse> accuracy(@PathParam("version") int version,
            @QueryParam("holdoutEnd") LocalDate holdoutEnd) {
        return accuracy.evaluate(version, requireHoldoutEnd(holdoutEnd));
    }

    @GET
    @Path("/{version}/accuracy/customers")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "Predicted vs actual per customer over the holdout window (calibration end, holdoutEnd],"
            + " by customer id (cursor pages)")
    public Uni<Page<AccuracyResponse.CustomerAccuracy>> customerAccuracy(@PathParam("version") int version,
            @QueryParam("holdoutEnd") LocalDate holdoutEnd, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return accuracy.customers(version, requireHoldoutEnd(holdoutEnd), limit, cursor);
    }

    private static LocalDate requireHoldoutEnd(LocalDate holdoutEnd) {
        if (holdoutEnd == null) {
            throw ProblemException.invalid("holdoutEnd", "is required (yyyy-mm-dd)");
        }
        return holdoutEnd;
    }
}
