package org.retailcx.journey.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.journey.pipeline.runtime.InstanceViews;
import org.retailcx.journey.pipeline.runtime.InstanceViews.AbandonmentView;
import org.retailcx.journey.pipeline.runtime.InstanceViews.InstanceView;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.security.Roles;

import io.smallrye.mutiny.Uni;

/** Where customers stand in their journeys, and which journeys stalled. */
@Path("/api/v1/journey")
@Produces(MediaType.APPLICATION_JSON)
public class JourneyInstanceResource {

    private final InstanceViews views;

    public JourneyInstanceResource(InstanceViews views) {
        this.views = views;
    }

    @GET
    @Path("/customers/{customerId}/journeys")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "A customer's (or golden lead's) journey instances with their transitions and actions")
    public Uni<List<InstanceView>> ofCustomer(@PathParam("customerId") String customerId) {
        return views.ofCustomer(customerId);
    }

    @GET
    @Path("/abandonments")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "Abandoned instances with stage, reason, recovery attempts and recovery, in detection order")
    public Uni<Page<AbandonmentView>> abandonments(@QueryParam("journey") String journey,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return views.abandonments(journey, Page.limit(limit), cursor);
    }
}
