package org.retailcx.recommendation.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
import org.retailcx.platform.api.Page;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;
import org.retailcx.recommendation.pipeline.affinity.PropensityCalibrations;
import org.retailcx.recommendation.pipeline.training.ModelTraining;
import org.retailcx.recommendation.pipeline.training.RetrainingJob;
import org.retailcx.recommendation.pipeline.training.TrainedModel;
import org.retailcx.recommendation.pipeline.training.TrainingSpecs;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Recommender versions: train, list, read, activate, calibrate their propensities. */
@Path("/api/v1/recommendation/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    /** The default window's start: every stored interaction. */
    static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final Pool pool;
    private final IngestionReader reader;
    private final ModelTraining models;
    private final SecurityIdentity identity;
    private final PropensityCalibrations calibrations;
    private final RetrainingJob retraining;

    public ModelResource(Pool pool, IngestionReader reader, ModelTraining models, SecurityIdentity identity,
            PropensityCalibrations calibrations, RetrainingJob retraining) {
        this.pool = pool;
        this.reader = reader;
        this.models = models;
        this.identity = identity;
        this.calibrations = calibrations;
        this.retraining = retraining;
    }

    @POST
    @Path("/retrain")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Run the scheduled retraining now (configured algorithm, parameters, window, activation); "
            + "409 while another replica runs it, 422 when the window holds too few interactions")
    public Uni<Response> retrain() {
        return retraining.retrain(caller()).map(result -> result.map(m -> Response.status(201).entity(m).build())
                .orElseThrow(() -> ProblemException.conflict("urn:retailcx:problem:recommendation-retrain-running",
                        "A recommender retraining is already running on another replica")));
    }

    @POST
    @Path("/train")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Train a recommender version on the stored interactions of a window; optionally activate "
            + "it; 422 when the interactions are too few (nothing is stored)")
    public Uni<Response> train(@RequestBody(content = @Content(schema = @Schema(implementation = TrainRequest.class)))
            String body) {
        TrainRequest request = reader.readOne(body, TrainRequest.class).value();
        OffsetDateTime from = request.windowFrom() == null ? BEGINNING : request.windowFrom();
        OffsetDateTime to = request.windowTo() == null ? OffsetDateTime.now(ZoneOffset.UTC) : request.windowTo();
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("windowTo", "must be after windowFrom");
        }
        var spec = TrainingSpecs.parse(request.algorithm(), request.parameters(), "algorithm");
        var run = new ModelTraining.Run(spec, from, to, Boolean.TRUE.equals(request.activate()), "api", caller());
        return pool.withTransaction(tx -> models.train(tx, run)).map(m -> Response.status(201).entity(m).build());
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "Model versions, newest first")
    public Uni<Page<TrainedModel>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        long after = Page.afterId(cursor);
        int before = after == 0 ? Integer.MAX_VALUE : (int) Math.min(after, Integer.MAX_VALUE);
        return models.list(pool, before, size + 1).map(items -> Page.of(items, size, m -> String.valueOf(m.version())));
    }

    @GET
    @Path("/active")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "The active version")
    public Uni<TrainedModel> active() {
        return models.active(pool).map(m -> {
            if (m == null) {
                throw ProblemException.notFound("No recommendation model is active yet");
            }
            return m;
        });
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "One version: algorithm, parameters, window, data size, lineage")
    public Uni<TrainedModel> get(@PathParam("version") int version) {
        return pool.withConnection(c -> models.find(c, version));
    }

    @POST
    @Path("/{version}/activate")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Serve this version from now on; announces it to the model registry")
    public Uni<TrainedModel> activate(@PathParam("version") int version) {
        return pool.withTransaction(tx -> models.activate(tx, version, caller()));
    }

    @POST
    @Path("/{version}/calibration")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Calibrate the version's propensities (isotonic map from affinity, fitted on held-out pairs "
            + "of its own data) and report reliability by decile before and after; 422 when too few are held out")
    public Uni<PropensityCalibrations.Report> calibrate(@PathParam("version") int version,
            @RequestBody(content = @Content(schema = @Schema(implementation = CalibrationRequest.class))) String body) {
        CalibrationRequest request = body == null || body.isBlank() ? new CalibrationRequest(null, null, null)
                : reader.readOne(body, CalibrationRequest.class).value();
        double ratio = request.trainRatio() == null ? 0.75 : request.trainRatio();
        if (!(ratio > 0 && ratio < 1)) {
            throw ProblemException.invalid("trainRatio", "must lie strictly between 0 and 1");
        }
        int customers = request.maxCustomers() == null ? 2000 : request.maxCustomers();
        if (customers < 10 || customers > 100_000) {
            throw ProblemException.invalid("maxCustomers", "must be between 10 and 100000");
        }
        var settings = new PropensityCalibrations.Settings(ratio, request.seed() == null ? 42 : request.seed(),
                customers);
        return calibrations.fit(version, settings, caller());
    }

    @GET
    @Path("/{version}/calibration")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "The version's propensity calibration: reliability by decile, ECE and Brier score before "
            + "and after, and the map")
    public Uni<PropensityCalibrations.Report> calibration(@PathParam("version") int version) {
        return calibrations.report(version);
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }
}
