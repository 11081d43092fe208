package org.retailcx.sales.api;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.AdminActions;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.api.ScoringUploads.Upload;
import org.retailcx.sales.pipeline.scoring.GradeCutoffs;
import org.retailcx.sales.pipeline.scoring.GradeCutoffs.GradeMix;
import org.retailcx.sales.pipeline.scoring.GradeCutoffs.Refresh;
import org.retailcx.sales.pipeline.scoring.GradeRefresh;
import org.retailcx.sales.pipeline.scoring.GradingOptions;
import org.retailcx.sales.pipeline.scoring.LeadScoringService;
import org.retailcx.sales.pipeline.scoring.ModelEvaluations;
import org.retailcx.sales.pipeline.scoring.ScoringReports.ModelExplanation;
import org.retailcx.sales.pipeline.scoring.ScoringReports.ModelReport;
import org.retailcx.sales.pipeline.scoring.ScoringReports.ScoredFile;
import org.retailcx.sales.pipeline.scoring.ScoringReports.StoredEvaluation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * One lead-scoring version: its report, activation, rescoring of open CRM leads, scoring and evaluating files without
 * touching CRM data, its stored evaluations, its explanation, and its grading (policy, refresh, grade mix).
 */
@Path("/api/v1/sales/lead-scoring/models/{version}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lead scoring")
public class LeadScoringVersionResource {

    @RegisterForReflection
    public record Rescored(int version, int leadsRescored) {
    }

    /** A silver evaluation: golden leads created in [from, to] with known outcomes. */
    @RegisterForReflection
    public record SilverRange(LocalDate from, LocalDate to, Integer unconvertedAfterDays) {
    }

    private static final String READERS_NOTE = "data-scientist, admin, sales-manager, marketing";

    private final LeadScoringService scoring;
    private final ModelEvaluations evaluations;
    private final GradeCutoffs cutoffs;
    private final GradeRefresh grading;
    private final ScoringUploads uploads;
    private final Caller caller;
    private final AdminActions adminActions;
    private final Pool pool;

    public LeadScoringVersionResource(LeadScoringService scoring, ModelEvaluations evaluations, GradeCutoffs cutoffs,
            GradeRefresh grading, ScoringUploads uploads, Caller caller, AdminActions adminActions, Pool pool) {
        this.scoring = scoring;
        this.evaluations = evaluations;
        this.cutoffs = cutoffs;
        this.grading = grading;
        this.uploads = uploads;
        this.caller = caller;
        this.adminActions = adminActions;
        this.pool = pool;
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN, Roles.SALES_MANAGER, Roles.MARKETING })
    @Operation(summary = "One model version: protocol, validation figures, cross-validation, grades, importance")
    public Uni<ModelReport> get(@PathParam("version") int version) {
        return scoring.get(version);
    }

    @POST
    @Path("/activate")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Make this version the one active model; leads are scored with it on arrival")
    public Uni<ModelReport> activate(@PathParam("version") int version) {
        return scoring.activate(version)
                .call(() -> adminActions.record(pool, "lead-scoring.activate", Integer.toString(version), null));
    }

    @POST
    @Path("/score")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Without an NDJSON body: rescore every open golden lead with this (active) version")
    public Uni<Rescored> rescore(@PathParam("version") int version) {
        return scoring.rescoreOpenLeads(version).map(n -> new Rescored(version, n))
                .call(r -> adminActions.record(pool, "lead-scoring.rescore", Integer.toString(version),
                        new JsonObject().put("leadsRescored", r.leadsRescored())));
    }

    @POST
    @Path("/score")
    @Blocking
    @Consumes({ IngestionReader.NDJSON })
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Score an uploaded NDJSON file of leads: probability, grade (by the cut-offs in force) and,"
            + " with explain=N, the N top reasons per lead; nothing is written")
    public Uni<ScoredFile> scoreFile(@PathParam("version") int version,
            @QueryParam("explain") @Parameter(description = "top reasons per lead, 0..10") Integer explain,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        Upload upload = uploads.read(body, contentType);
        return evaluations.score(version, upload.unlabeled(), explain == null ? 0 : explain);
    }

    @POST
    @Path("/evaluate")
    @Blocking
    @Consumes({ IngestionReader.NDJSON })
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Evaluate on an uploaded labelled NDJSON file (AUC, Brier, log loss, calibration, lift and"
            + " gains, conversion per grade); stored with the version, no lead is created")
    public Uni<StoredEvaluation> evaluateFile(@PathParam("version") int version,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        Upload upload = uploads.read(body, contentType);
        return evaluations.evaluateUpload(version, upload.labeled(), upload.datasetId(), caller.subject());
    }

    @POST
    @Path("/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Evaluate on silver outcomes of golden leads created in {from, to}; stored with the version")
    public Uni<StoredEvaluation> evaluateSilver(@PathParam("version") int version, SilverRange range) {
        SilverRange r = range == null ? new SilverRange(null, null, null) : range;
        return evaluations.evaluateSilver(version, r.from(), r.to(), r.unconvertedAfterDays(), caller.subject());
    }

    @GET
    @Path("/evaluations")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN, Roles.SALES_MANAGER, Roles.MARKETING })
    @Operation(summary = "The version's stored evaluations, newest first; cursor-paginated")
    public Uni<Page<StoredEvaluation>> evaluations(@PathParam("version") int version,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        long after = Page.afterId(cursor);
        return evaluations.list(version, Page.limit(limit), after == 0 ? Long.MAX_VALUE : after);
    }

    @GET
    @Path("/explanation")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN, Roles.SALES_MANAGER, Roles.MARKETING })
    @Operation(summary = "Coefficients (linear) or gain shares (trees), and each feature's importance on the"
            + " validation part; per-lead reasons come with score?explain=N")
    public Uni<ModelExplanation> explanation(@PathParam("version") int version) {
        return evaluations.explain(version);
    }

    @PUT
    @Path("/grading")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Grade this version by training quantiles, recent quantiles or conversion targets from now on")
    public Uni<Refresh> choose(@PathParam("version") int version, GradingOptions options) {
        return grading.choose(version, options).call(r -> adminActions.record(pool, "lead-scoring.grading",
                Integer.toString(version), JsonObject.mapFrom(options == null ? GradingOptions.defaults() : options)));
    }

    @POST
    @Path("/grading/refresh")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Refresh recent-quantile cut-offs now (as the schedule does) and regrade the version's leads")
    public Uni<Refresh> refresh(@PathParam("version") int version) {
        return grading.refresh(version).call(r -> adminActions.record(pool, "lead-scoring.grading-refresh",
                Integer.toString(version), new JsonObject().put("refreshed", r.refreshed())
                        .put("leadsRegraded", r.leadsRegraded())));
    }

    @GET
    @Path("/grade-mix")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN, Roles.SALES_MANAGER, Roles.MARKETING })
    @Operation(summary = "Grade mix of the CRM leads this version scored, per day, week or month, with the cut-offs'"
            + " history: a shift of the lead mix shows here")
    public Uni<GradeMix> gradeMix(@PathParam("version") int version,
            @QueryParam("bucket") @Parameter(description = "day, week or month (default)") String bucket,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return scoring.get(version).chain(v -> cutoffs.mix(pool, version, bucket == null ? "month" : bucket,
                date("from", from), date("to", to)));
    }

    private static LocalDate date(String field, String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO date, e.g. 2026-01-31");
        }
    }
}
