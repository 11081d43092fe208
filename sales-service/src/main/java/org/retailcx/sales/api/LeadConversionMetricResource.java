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

/** The lead conversion funnel: leads created in the period → qualified → opportunities → won customers. */
@Path("/api/v1/sales/metrics/lead-conversion")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
public class LeadConversionMetricResource {

    private final LeadMetrics metrics;
    private final ScopedFilters scopes;

    public LeadConversionMetricResource(LeadMetrics metrics, ScopedFilters scopes) {
        this.metrics = metrics;
        this.scopes = scopes;
    }

    @GET
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_REP, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Lead → qualified → opportunity → won funnel for golden leads created in the period")
    public Uni<LeadMetrics.Funnel> funnel(@BeanParam MetricFilter filter) {
        return scopes.within(filter).chain(metrics::funnel);
    }
}
