package org.retailcx.clv.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.clv.pipeline.ClvModelService;
import org.retailcx.platform.security.AdminActions;
import org.retailcx.platform.security.Roles;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/** Operations on the derived layers. */
@Path("/api/v1/clv/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @RegisterForReflection
    public record RebuildReport(int modelVersions) {
    }

    private final Pool pool;
    private final ClvModelService models;
    private final AdminActions adminActions;

    public AdminResource(Pool pool, ClvModelService models, AdminActions adminActions) {
        this.pool = pool;
        this.models = models;
        this.adminActions = adminActions;
    }

    @POST
    @Path("/rebuild-gold")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild gold from silver: re-score every model version with its stored parameters "
            + "(idempotent, one transaction, no events)")
    public Uni<RebuildReport> rebuildGold() {
        return pool.withTransaction(tx -> models.rebuildGold(tx)
                .call(versions -> adminActions.record(tx, "clv.rebuild-gold", null,
                        new JsonObject().put("modelVersions", versions))))
                .map(RebuildReport::new);
    }
}
