package org.retailcx.sales.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.metrics.MetricFilter;
import org.retailcx.sales.metrics.PipelineMetrics;
import org.retailcx.sales.metrics.ScopedFilters;
import org.retailcx.sales.metrics.PipelineReports.Forecast;
import org.retailcx.sales.metrics.PipelineReports.Movement;
import org.retailcx.sales.metrics.PipelineReports.Pipeline;
import org.retailcx.sales.metrics.PipelineReports.QuotaAttainment;
import org.retailcx.sales.metrics.PipelineReports.SalesCycle;
import org.retailcx.sales.metrics.PipelineReports.StageConversions;
import org.retailcx.sales.metrics.PipelineReports.WinRate;

import io.smallrye.mutiny.Uni;

/**
 * Pipeline metrics for dashboards; every one takes the common filters (period or from/to, rep, team, territory,
 * product, source) within the caller's scope: a rep's own figures, a manager's team's.
 */
@Path("/api/v1/sales/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics: pipeline")
@RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_REP, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
public class PipelineMetricsResource {

    private final PipelineMetrics metrics;
    private final ScopedFilters scopes;

    public PipelineMetricsResource(PipelineMetrics metrics, ScopedFilters scopes) {
        this.metrics = metrics;
        this.scopes = scopes;
    }

    @GET
    @Path("/pipeline")
    @Operation(summary = "Open pipeline by stage: count, total and probability-weighted",
            description = "Now, or as of the end (UTC) of a past day, computed from the change history by the rule "
                    + "the daily snapshots follow, whether or not that day's snapshot was taken; a period filters on "
                    + "the expected close date (as of then); a future asOf answers 400")
    public Uni<Pipeline> pipeline(@BeanParam MetricFilter filter,
            @QueryParam("asOf") @Parameter(description = "A past day, ISO; omit for now") String asOf) {
        LocalDate day = asOf == null ? null : date("asOf", asOf);
        return scopes.within(filter).chain(f -> metrics.pipeline(f, day));
    }

    @GET
    @Path("/win-rate")
    @Operation(summary = "Won / (won + lost) for deals closed in the period, by count and by value")
    public Uni<WinRate> winRate(@BeanParam MetricFilter filter) {
        return scopes.within(filter).chain(metrics::winRate);
    }

    @GET
    @Path("/sales-cycle")
    @Operation(summary = "Average and median days from created to Closed Won, for deals won in the period")
    public Uni<SalesCycle> salesCycle(@BeanParam MetricFilter filter) {
        return scopes.within(filter).chain(metrics::salesCycle);
    }

    @GET
    @Path("/quota-attainment")
    @Operation(summary = "Won amount over quota per rep, with team and territory roll-ups (period required)")
    public Uni<QuotaAttainment> quotaAttainment(@BeanParam MetricFilter filter) {
        return scopes.within(filter).chain(metrics::quotaAttainment);
    }

    @GET
    @Path("/stage-conversion")
    @Operation(summary = "Per stage: entries in the period, advanced to a later stage, conversion % and days in stage")
    public Uni<StageConversions> stageConversion(@BeanParam MetricFilter filter) {
        return scopes.within(filter).chain(metrics::stageConversion);
    }

    @GET
    @Path("/pipeline-movement")
    @Operation(summary = "Pipeline waterfall between two dates (from/to or period required)",
            description = "Scope: open deals expected to close within [from, to]. starting + new + increased − "
                    + "decreased + pulledIn − pushedOut − won − lost = ending; each bucket has an amount and a count")
    public Uni<Movement> pipelineMovement(@BeanParam MetricFilter filter) {
        return scopes.within(filter).chain(metrics::movement);
    }

    @GET
    @Path("/forecast")
    @Operation(summary = "Forecast for a period: closed, commit, best case, pipeline and weighted pipeline (period required)")
    public Uni<Forecast> forecast(@BeanParam MetricFilter filter) {
        return scopes.within(filter).chain(metrics::forecast);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO date such as 2026-11-24");
        }
    }
}
