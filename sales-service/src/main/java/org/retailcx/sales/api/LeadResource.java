package org.retailcx.sales.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.metrics.GoldenLeads;
import org.retailcx.sales.metrics.GoldenLeads.GoldenLead;


import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** CRM lead sync (web forms, branches, call center, referrals, events), and the deduplicated golden leads. */
@Path("/api/v1/sales/leads")
@Tag(name = "ingestion: leads")
public class LeadResource {

    private final GoldenLeads golden;

    public LeadResource(Pool pool, GoldenLeads golden) {
        this.golden = golden;
    }

    @GET
    @Path("/{id}/golden")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "The golden lead a source lead id belongs to, with its lineage (members, bronze ids, merges); "
            + "a rep's own or a manager's team's only, personal data masked per role (see the README)")
    public Uni<GoldenLead> goldenOf(@PathParam("id") String id) {
        return golden.bySourceLead(id);
    }

    @GET
    @Path("/golden")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Golden leads by id, with their lineage; cursor-paginated; a rep's own or a manager's team's "
            + "only, personal data masked per role (see the README)")
    public Uni<Page<GoldenLead>> goldenLeads(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return golden.page(limit, cursor);
    }
}
