package org.retailcx.journey.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.journey.ingest.RuleSpec;
import org.retailcx.journey.pipeline.rule.OrchestrationRules;
import org.retailcx.journey.pipeline.rule.RuleView;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.medallion.BronzeWriter;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Orchestration rules: put a rule (checked first), read the rules with their statistics. */
@Path("/api/v1/journey/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final OrchestrationRules rules;
    private final IngestionReader reader;
    private final Caller caller;

    public RuleResource(OrchestrationRules rules, IngestionReader reader, Caller caller) {
        this.rules = rules;
        this.reader = reader;
        this.caller = caller;
    }

    @PUT
    @Path("/{id}")
    @Blocking // compiling the CEL condition takes a while the first time: not on the event loop
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MARKETING, Roles.ADMIN })
    @Operation(summary = "Create or replace a rule (its next version): 400 naming the field, a CEL error with its "
            + "line and column; bronze keeps every submission")
    public Uni<RuleView> put(@PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = RuleSpec.class))) String body) {
        checkId(id);
        IngestionReader.Item<RuleSpec> spec = reader.readOne(body, RuleSpec.class);
        return rules.put(id, spec.value(), spec.raw(), BronzeWriter.Caller.of(caller));
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Every rule in priority order with its statistics (evaluated, matched, fired, errors, "
            + "released)")
    public Uni<List<RuleView>> list() {
        return rules.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "One rule's current version with its statistics")
    public Uni<RuleView> get(@PathParam("id") String id) {
        checkId(id);
        return rules.get(id);
    }

    @GET
    @Path("/{id}/stats")
    @RolesAllowed({ Roles.MARKETING, Roles.CX_ANALYST, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "One rule's statistics: events evaluated, matched, fired, failed; fired actions released")
    public Uni<RuleView.Stats> stats(@PathParam("id") String id) {
        checkId(id);
        return rules.get(id).map(RuleView::stats);
    }

    private static void checkId(String id) {
        if (!id.matches(ID)) {
            throw ProblemException.invalid("id", "must be letters, digits, '.', '_' and '-' (at most 64)");
        }
    }
}
