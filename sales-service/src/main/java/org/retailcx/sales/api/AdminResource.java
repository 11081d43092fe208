package org.retailcx.sales.api;

import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.pipeline.LayerRebuild;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Operator calls: rebuild the derived layers from bronze. */
@Path("/api/v1/sales/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @RegisterForReflection
    public record RebuildReport(List<String> rebuilt) {
    }

    private final Pool pool;
    private final List<LayerRebuild> rebuilds;

    public AdminResource(Pool pool, Instance<LayerRebuild> rebuilds) {
        this.pool = pool;
        this.rebuilds = rebuilds.stream().sorted(Comparator.comparingInt(LayerRebuild::order)).toList();
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild silver and gold from bronze, in one transaction (idempotent)")
    public Uni<RebuildReport> rebuild() {
        return pool.withTransaction(tx -> Multi.createFrom().iterable(rebuilds)
                .onItem().transformToUniAndConcatenate(r -> r.rebuild(tx).replaceWith(r.name()))
                .collect().asList())
                .map(RebuildReport::new);
    }
}
