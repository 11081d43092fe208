package org.retailcx.journey.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.journey.model.attribution.TouchpointPath;
import org.retailcx.journey.pipeline.attribution.AttributionReport;
import org.retailcx.journey.pipeline.attribution.AttributionRunner;
import org.retailcx.journey.pipeline.attribution.TouchpointPaths;
import org.retailcx.journey.pipeline.gold.StarReturns;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Multi-touch attribution, every model side by side (first touch, last touch, linear, time decay, position-based
 * 40/20/40, Markov removal effect of order 1–3 solved exactly, Shapley values): over stored touchpoints and won deals
 * with channel cost and ROI, or over paths an analyst uploads (nothing stored).
 */
@Path("/api/v1/journey/attribution")
@Produces(MediaType.APPLICATION_JSON)
public class AttributionResource {

    private static final int MAX_LOOKBACK_DAYS = 366;

    private final TouchpointPaths touchpoints;
    private final IngestionReader reader;
    private final StarReturns returns;

    public AttributionResource(TouchpointPaths touchpoints, IngestionReader reader, StarReturns returns) {
        this.touchpoints = touchpoints;
        this.reader = reader;
        this.returns = returns;
    }

    @GET
    @Path("/channels")
    @RolesAllowed({ Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "From the gold star: per model (those additive over conversions), each channel and "
            + "campaign's credit from the conversions of the UTC days [from, to], its cost those days and ROI")
    public Uni<List<StarReturns.Row>> channels(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "is required (an ISO-8601 date)"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required (an ISO-8601 date)"));
        } else if (from != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return returns.between(from, to);
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "Attribute the conversions in [from, to) to the touchpoints in the lookback window before "
            + "each; customers touched in the period who did not convert are the non-converting paths")
    public Uni<AttributionReport> stored(@QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to,
            @QueryParam("lookbackDays") Integer lookbackDays, @QueryParam("halfLifeDays") Double halfLifeDays) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "is required (an ISO-8601 date-time)"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required (an ISO-8601 date-time)"));
        } else if (from != null && !to.isAfter(from)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        int lookback = lookbackDays == null ? TouchpointPaths.DEFAULT_LOOKBACK_DAYS : lookbackDays;
        if (lookback < 1 || lookback > MAX_LOOKBACK_DAYS) {
            errors.add(new FieldError("lookbackDays", "must be between 1 and " + MAX_LOOKBACK_DAYS));
        }
        double halfLife = halfLifeDays == null ? TouchpointPaths.DEFAULT_HALF_LIFE_DAYS : halfLifeDays;
        if (!(halfLife > 0) || Double.isInfinite(halfLife)) {
            errors.add(new FieldError("halfLifeDays", "must be a positive number of days"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return touchpoints.paths(from, to, lookback)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(paths -> {
                    if (paths.paths().isEmpty()) {
                        throw ProblemException.unprocessable("https://retailcx.org/problems/no-paths",
                                "No touchpoint paths", "no conversion or touchpoint in [" + from + ", " + to + ")");
                    }
                    return AttributionRunner.run(paths.paths(), halfLife, paths.costByChannel());
                });
    }

    @POST
    @Path("/paths")
    @Blocking // the models run for seconds on large uploads
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "Run every model on uploaded paths (ChannelAttribution's input); nothing is stored")
    public AttributionReport uploaded(
            @RequestBody(content = @Content(schema = @Schema(implementation = AttributionPathsRequest.class)))
            String body) {
        AttributionPathsRequest request = reader.readOne(body, AttributionPathsRequest.class).value();
        List<TouchpointPath> paths = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.paths().size(); i++) {
            AttributionPathsRequest.PathRow row = request.paths().get(i);
            try {
                paths.add(TouchpointPath.parse(row.path(), row.conversions(),
                        row.conversionValue() == null ? 0 : row.conversionValue(),
                        row.nonConversions() == null ? 0 : row.nonConversions()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("paths[" + i + "].path", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return AttributionRunner.run(paths, request.halfLife() == null ? 1 : request.halfLife(), Map.of());
    }
}
