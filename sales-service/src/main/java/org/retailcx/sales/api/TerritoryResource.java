package org.retailcx.sales.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.security.Roles;


import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Sales territories and their hierarchy. */
@Path("/api/v1/sales/territories")
@Tag(name = "ingestion: territories")
public class TerritoryResource {

    /** One gold.dim_sales_territory row; {@code path} lists the territory ids from the root down to this one. */
    @RegisterForReflection
    public record Territory(String territoryId, String name, String region, String parentTerritoryId,
            List<String> path, List<String> zipCodes, List<String> branches, String assignedRepId) {
    }

    private final Pool pool;

    public TerritoryResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Territories (the hierarchy as gold holds it), by territory id")
    public Uni<Page<Territory>> list(
            @QueryParam("territoryId") @Parameter(description = "Only this territory and those below it") String under,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int pageSize = Page.limit(limit);
        String after = Page.after(cursor);
        return pool.preparedQuery("""
                select territory_id, name, region, parent_territory_id, path, zip_codes, branches, assigned_rep_id
                from gold.dim_sales_territory
                where ($1::text is null or territory_id > $1) and ($2::text is null or $2 = any(path))
                order by territory_id limit $3""")
                .execute(Tuple.of(after, under, pageSize + 1))
                .map(rows -> {
                    List<Territory> territories = new ArrayList<>();
                    for (Row r : rows) {
                        territories.add(new Territory(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                                List.of(r.getArrayOfStrings(4)), List.of(r.getArrayOfStrings(5)),
                                List.of(r.getArrayOfStrings(6)), r.getString(7)));
                    }
                    return Page.of(territories, pageSize, Territory::territoryId);
                });
    }
}
