package org.retailcx.platform.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.platform.security.Roles;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** For operators: the layers of this service's database, their tables and exact row counts. */
@Path("/api/v1/platform/tables")
@Produces(MediaType.APPLICATION_JSON)
public class MedallionTablesResource {

    @RegisterForReflection
    public record TableInfo(String table, long rows) {
    }

    private final Pool pool;

    public MedallionTablesResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.DATA_SCIENTIST })
    @Operation(summary = "Tables per layer (bronze, silver, gold, platform) with row counts")
    public Uni<Map<String, List<TableInfo>>> tables() {
        // query_to_xml counts each table in the same round trip, without building SQL in Java.
        return pool.query("""
                select s.schema_name, t.table_name,
                       case when t.table_name is not null then
                       (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I',
                              t.table_schema, t.table_name), false, true, '')))[1]::text::bigint end
                from information_schema.schemata s
                left join information_schema.tables t
                       on t.table_schema = s.schema_name and t.table_type = 'BASE TABLE'
                where s.schema_name in ('bronze', 'silver', 'gold', 'platform')
                order by array_position(array['bronze','silver','gold','platform']::text[], s.schema_name::text),
                         t.table_name""")
                .execute()
                .map(rows -> {
                    Map<String, List<TableInfo>> layers = new LinkedHashMap<>();
                    rows.forEach(r -> {
                        List<TableInfo> tables = layers.computeIfAbsent(r.getString(0), k -> new ArrayList<>());
                        if (r.getString(1) != null) {
                            tables.add(new TableInfo(r.getString(1), r.getLong(2)));
                        }
                    });
                    return layers;
                });
    }
}
