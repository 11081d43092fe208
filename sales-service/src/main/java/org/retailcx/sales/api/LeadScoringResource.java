package org.retailcx.sales.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.AdminActions;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.model.scoring.LabeledLead;
import org.retailcx.sales.pipeline.scoring.LeadScoringService;
import org.retailcx.sales.pipeline.scoring.LeadScoringService.ModelReport;
import org.retailcx.sales.pipeline.scoring.LeadScoringService.TrainingOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Lead-scoring models: train a new version (on silver outcomes, or on an uploaded labelled NDJSON set), read its
 * held-out and cross-validated evaluation, activate one version explicitly, rescore open leads.
 */
@Path("/api/v1/sales/lead-scoring/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "lead scoring")
public class LeadScoringResource {

    @RegisterForReflection
    public record Rescored(int version, int leadsRescored) {
    }

    private final LeadScoringService scoring;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;
    private final AdminActions adminActions;
    private final Pool pool;

    public LeadScoringResource(LeadScoringService scoring, ObjectMapper mapper, SecurityIdentity identity,
            AdminActions adminActions, Pool pool) {
        this.scoring = scoring;
        this.mapper = mapper;
        this.identity = identity;
        this.adminActions = adminActions;
        this.pool = pool;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Train a new model version on golden leads with known outcomes (silver); not activated")
    public Uni<ModelReport> trainOnSilver(TrainingOptions options) {
        TrainingOptions normalised = (options == null ? new TrainingOptions(null, null, null, null, null, null,
                null, null) : options).normalised();
        return scoring.labeledFromSilver(normalised.unconvertedAfterDays())
                .chain(leads -> scoring.trainAndStore(leads, normalised, "silver", user()));
    }

    @POST
    @Consumes(IngestionReader.NDJSON)
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Train a new model version on an uploaded labelled set: one lead per line, "
            + "\"converted\": true|false, other fields (and an \"attributes\" object) are features; not activated")
    public Uni<ModelReport> trainOnUpload(String body,
            @QueryParam("exclude") @Parameter(description = "feature to leave out (repeatable)") List<String> exclude,
            @QueryParam("sentinel") @Parameter(description = "feature:value[,value] meaning 'not applicable', "
                    + "e.g. pdays:999 (repeatable)") List<String> sentinel,
            @QueryParam("holdoutFraction") Double holdoutFraction, @QueryParam("seed") Long seed,
            @QueryParam("folds") Integer folds, @QueryParam("splineSegments") Integer splineSegments,
            @QueryParam("l2Penalty") Double l2Penalty) {
        TrainingOptions options = new TrainingOptions(holdoutFraction, seed, folds, exclude, sentinels(sentinel),
                splineSegments, l2Penalty, null);
        String user = user();
        return Uni.createFrom().item(() -> parse(body)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(leads -> scoring.trainAndStore(leads, options, "upload", user));
    }

    @GET
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN, Roles.SALES_MANAGER, Roles.MARKETING })
    @Operation(summary = "Model versions, newest first, with their evaluation; cursor-paginated")
    public Uni<Page<ModelReport>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int pageSize = Page.limit(limit);
        String after = Page.after(cursor);
        int below;
        try {
            below = after == null ? Integer.MAX_VALUE : Integer.parseInt(after);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
        return scoring.list().map(all -> Page.of(all.stream().filter(r -> r.version() < below).limit(pageSize + 1L)
                .toList(), pageSize, r -> Integer.toString(r.version())));
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN, Roles.SALES_MANAGER, Roles.MARKETING })
    @Operation(summary = "One model version: protocol, held-out AUC, cross-validation, calibration, grade thresholds")
    public Uni<ModelReport> get(@PathParam("version") int version) {
        return scoring.get(version);
    }

    @POST
    @Path("/{version}/activate")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Make this version the one active model; leads are scored with it on arrival")
    public Uni<ModelReport> activate(@PathParam("version") int version) {
        return scoring.activate(version)
                .call(() -> adminActions.record(pool, "lead-scoring.activate", Integer.toString(version), null));
    }

    @POST
    @Path("/{version}/score")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Rescore every open golden lead with this (active) version")
    public Uni<Rescored> rescore(@PathParam("version") int version) {
        return scoring.rescoreOpenLeads(version).map(n -> new Rescored(version, n))
                .call(r -> adminActions.record(pool, "lead-scoring.rescore", Integer.toString(version),
                        new JsonObject().put("leadsRescored", r.leadsRescored())));
    }

    private String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    private List<LabeledLead> parse(String body) {
        List<LabeledLead> leads = new ArrayList<>();
        int index = 0;
        for (String line : (body == null ? "" : body).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (IOException e) {
                throw ProblemException.invalid("[" + index + "]", "is not valid JSON");
            }
            if (!node.isObject()) {
                throw ProblemException.invalid("[" + index + "]", "must be a JSON object");
            }
            leads.add(LeadScoringService.labeled(node, index++));
        }
        if (leads.isEmpty()) {
            throw ProblemException.invalid("body", "must hold at least one labelled lead");
        }
        return leads;
    }

    private static Map<String, List<Double>> sentinels(List<String> specs) {
        Map<String, List<Double>> sentinels = new HashMap<>();
        for (String spec : specs == null ? List.<String>of() : specs) {
            int colon = spec.indexOf(':');
            if (colon < 1) {
                throw ProblemException.invalid("sentinel", "must be feature:value[,value], got " + spec);
            }
            List<Double> values = new ArrayList<>();
            for (String v : spec.substring(colon + 1).split(",")) {
                try {
                    values.add(Double.parseDouble(v.trim()));
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid("sentinel", "values must be numbers, got " + v);
                }
            }
            sentinels.put(spec.substring(0, colon), values);
        }
        return sentinels;
    }
}
