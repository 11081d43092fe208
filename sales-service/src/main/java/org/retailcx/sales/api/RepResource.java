package org.retailcx.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.metrics.RepScope;


import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** Sales reps from HR/CRM; each version with a territory, team, quota or rate change becomes an SCD 2 row. */
@Path("/api/v1/sales/reps")
@Tag(name = "ingestion: reps")
public class RepResource {

    /** One gold.dim_sales_rep row; validTo is exclusive ({@code 9999-12-31} while current). */
    @RegisterForReflection
    public record RepVersion(long repKey, String repId, String employeeId, String name, String territoryId,
            String territoryPath, String team, String managerId, BigDecimal quotaAmount, String quotaPeriod,
            BigDecimal commissionRate, String commissionPlanId, Boolean active, LocalDate hireDate, LocalDate validFrom,
            LocalDate validTo, boolean current) {
    }

    private static final String SELECT = """
            select r.rep_key, r.rep_id, r.employee_id, r.name, r.territory_id, array_to_string(t.path, '/'), r.team,
                   r.manager_id, r.quota_amount, r.quota_period, r.commission_rate, r.commission_plan_id, r.active,
                   r.hire_date, r.valid_from, r.valid_to, r.is_current
            from gold.dim_sales_rep r left join gold.dim_sales_territory t on t.territory_id = r.territory_id""";

    private final Pool pool;
    private final Caller caller;

    public RepResource(Pool pool, Caller caller) {
        this.pool = pool;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.MARKETING, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Current reps (their current SCD 2 row), by rep id; filter by team or territory (incl. "
            + "sub-territories); a rep sees their own record, a manager their team's")
    public Uni<Page<RepVersion>> list(@QueryParam("team") String team, @QueryParam("territoryId") String territoryId,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int pageSize = Page.limit(limit);
        String after = Page.after(cursor);
        var visible = RepScope.of(caller).condition("r.rep_id", 5);
        return pool.preparedQuery(SELECT + """
                 where r.is_current and ($1::text is null or r.rep_id > $1) and ($2::text is null or r.team = $2)
                   and ($3::text is null or $3 = any(t.path)) and %s
                order by r.rep_id limit $4""".formatted(visible.sql()))
                .execute(visible.tuple(after, team, territoryId, pageSize + 1))
                .map(rows -> Page.of(versions(rows), pageSize, RepVersion::repId));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "The rep's SCD 2 rows, oldest first (a rep's own, a manager's team's; another's is not found)")
    public Uni<List<RepVersion>> versions(@PathParam("id") String id) {
        var visible = RepScope.of(caller).condition("r.rep_id", 2);
        return pool.preparedQuery(SELECT + " where r.rep_id = $1 and " + visible.sql() + " order by r.valid_from")
                .execute(visible.tuple(id))
                .map(rows -> {
                    List<RepVersion> versions = versions(rows);
                    if (versions.isEmpty()) {
                        throw ProblemException.notFound("No valid version of rep " + id + " has been received");
                    }
                    return versions;
                });
    }

    private static List<RepVersion> versions(Iterable<Row> rows) {
        List<RepVersion> result = new ArrayList<>();
        for (Row r : rows) {
            result.add(new RepVersion(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    r.getString(5), r.getString(6), r.getString(7), r.getBigDecimal(8), r.getString(9),
                    r.getBigDecimal(10), r.getString(11), r.getBoolean(12), r.getLocalDate(13), r.getLocalDate(14),
                    r.getLocalDate(15), r.getBoolean(16)));
        }
        return result;
    }
}
