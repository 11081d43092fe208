package org.retailcx.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.AdminActions;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.metrics.RepScope;
import org.retailcx.sales.metrics.MetricFilter;
import org.retailcx.sales.pipeline.CommissionEngine;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/** The commission engine's operator call and the reconciliation against the compensation system. */
@Path("/api/v1/sales/commissions")
@Produces(MediaType.APPLICATION_JSON)
public class CommissionResource {

    public static final Set<String> STATUSES = Set.of("matched", "amount-mismatch", "missing-in-compensation-system",
            "not-computed-by-engine");
    private static final String CURSOR_SEPARATOR = "\u001f";

    @RegisterForReflection
    public record RecalculationReport(LocalDate from, LocalDate to, int linesBooked) {
    }

    @RegisterForReflection
    public record ReconciledCommission(String repId, String opportunityId, String commissionType, String period,
            LocalDate periodDate, BigDecimal computedAmount, BigDecimal reportedAmount, BigDecimal difference,
            String status, Boolean paid, List<String> reportedCommissionIds) {
    }

    private final Pool pool;
    private final CommissionEngine engine;
    private final Caller caller;
    private final AdminActions adminActions;

    public CommissionResource(Pool pool, CommissionEngine engine, Caller caller, AdminActions adminActions) {
        this.pool = pool;
        this.engine = engine;
        this.caller = caller;
        this.adminActions = adminActions;
    }

    @POST
    @Path("/recalculate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Reprice every rep's quota periods holding a deal won in the period; books only differences "
            + "(after a plan change, a late rep change), so running it twice books nothing the second time")
    public Uni<RecalculationReport> recalculate(@QueryParam("period") @Parameter(
            description = "A year (2026), quarter (2026-Q4) or month (2026-11)", required = true) String period) {
        LocalDate[] bounds = MetricFilter.of(period, null, null, null, null, null).requiredPeriod();
        return pool.withTransaction(tx -> engine.recalculate(tx, bounds[0], bounds[1])
                .call(lines -> adminActions.record(tx, "commissions.recalculate", period,
                        new JsonObject().put("linesBooked", lines))))
                .map(lines -> new RecalculationReport(bounds[0], bounds[1], lines));
    }

    @GET
    @Path("/reconciliation")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES_MANAGER })
    @Operation(summary = "Computed vs reported commission per (rep, opportunity, type), by rep, opportunity, type; "
            + "a manager sees their team's")
    public Uni<Page<ReconciledCommission>> reconciliation(
            @QueryParam("period") @Parameter(description = "Rows whose win date (else reported period) falls in it: "
                    + "2026, 2026-Q4 or 2026-11") String period,
            @QueryParam("repId") String repId,
            @QueryParam("status") @Parameter(description = "matched, amount-mismatch, missing-in-compensation-system or "
                    + "not-computed-by-engine") String status,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "must be one of " + String.join(", ", STATUSES.stream().sorted()
                    .toList()));
        }
        MetricFilter filter = MetricFilter.of(period, null, null, null, null, null);
        var visible = RepScope.of(caller).condition("rep_id", 9);
        int pageSize = Page.limit(limit);
        String after = Page.after(cursor);
        String[] key = after == null ? new String[] { "", "", "" } : after.split(CURSOR_SEPARATOR, -1);
        if (key.length != 3) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
        return pool.preparedQuery("""
                select rep_id, opportunity_id, commission_type, period, period_date, computed_amount, reported_amount,
                       difference, status, paid, reported_commission_ids
                from silver.retail_sales_commission_reconciled
                where (rep_id, opportunity_id, commission_type) > ($1, $2, $3)
                  and ($4::date is null or period_date >= $4) and ($5::date is null or period_date <= $5)
                  and ($6::text is null or rep_id = $6) and ($7::text is null or status = $7) and %s
                order by rep_id, opportunity_id, commission_type limit $8""".formatted(visible.sql()))
                .execute(visible.tuple(key[0], key[1], key[2], filter.fromDate(), filter.toDate(), repId, status,
                        pageSize + 1))
                .map(rows -> {
                    List<ReconciledCommission> items = new ArrayList<>();
                    rows.forEach(r -> items.add(new ReconciledCommission(r.getString(0), r.getString(1),
                            r.getString(2), r.getString(3), r.getLocalDate(4), r.getBigDecimal(5), r.getBigDecimal(6),
                            r.getBigDecimal(7), r.getString(8), r.getBoolean(9), List.of(r.getArrayOfStrings(10)))));
                    return Page.of(items, pageSize, i -> String.join(CURSOR_SEPARATOR, i.repId(), i.opportunityId(),
                            i.commissionType()));
                });
    }
}
