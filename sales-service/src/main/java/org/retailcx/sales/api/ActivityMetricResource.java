package org.retailcx.sales.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.metrics.LeadMetrics;
import org.retailcx.sales.metrics.MetricFilter;
import org.retailcx.sales.metrics.ScopedFilters;

import io.smallrye.mutiny.Uni;

/** Sales activity counts by rep, type and outcome. */
@Path("/api/v1/sales/metrics/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
public class ActivityMetricResource {

    private final LeadMetrics metrics;
    private final ScopedFilters scopes;

    public ActivityMetricResource(LeadMetrics metrics, ScopedFilters scopes) {
        this.metrics = metrics;
        this.scopes = scopes;
    }

    @GET
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_REP, Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "Activities in the period by rep, type and outcome (product and source filters do not apply)")
    public Uni<LeadMetrics.Activities> activities(@BeanParam MetricFilter filter) {
        return scopes.within(filter).chain(metrics::activities);
    }
}
