package org.retailcx.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.AdminActions;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.api.CommissionPlanRequest.TierRequest;
import org.retailcx.sales.pipeline.CommissionPlans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Commission plans, versioned by effective date. A changed plan applies to commissions computed from then on;
 * {@code POST /api/v1/sales/commissions/recalculate} reprices a past period under it.
 */
@Path("/api/v1/sales/commission-plans")
@Produces(MediaType.APPLICATION_JSON)
public class CommissionPlanResource {

    @RegisterForReflection
    public record CommissionPlanView(String planId, String name, LocalDate effectiveFrom, String quotaPeriod,
            Map<String, BigDecimal> rates, List<TierRequest> tiers, boolean retroactive, BigDecimal capAmount,
            int clawbackWindowDays, OffsetDateTime updatedAt) {
    }

    private static final TypeReference<Map<String, BigDecimal>> RATES = new TypeReference<>() {
    };
    private static final TypeReference<List<TierRequest>> TIERS = new TypeReference<>() {
    };
    /** The version in effect on $n, else the plan's first version. */
    private static final String IN_EFFECT = """
            select distinct on (plan_id) %s from silver.retail_sales_commission_plan
            where %s order by plan_id, effective_from <= $1 desc,
                     case when effective_from <= $1 then effective_from end desc, effective_from""";

    private final Pool pool;
    private final IngestionReader reader;
    private final ObjectMapper mapper;
    private final AdminActions adminActions;

    public CommissionPlanResource(Pool pool, IngestionReader reader, ObjectMapper mapper, AdminActions adminActions) {
        this.pool = pool;
        this.reader = reader;
        this.mapper = mapper;
        this.adminActions = adminActions;
    }

    @PUT
    @Path("/{planId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE }) // compensation is finance's: not a manager's to change
    @Operation(summary = "Create or replace the plan's version effective from effectiveFrom (recorded with the caller)")
    public Uni<CommissionPlanView> put(@PathParam("planId") String planId, String body) {
        CommissionPlanRequest plan = reader.readOne(body, CommissionPlanRequest.class).value();
        var errors = plan.violations(planId);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        LocalDate effectiveFrom = plan.effectiveFrom() == null ? CommissionPlanRequest.FROM_THE_BEGINNING
                : plan.effectiveFrom();
        return pool.withTransaction(tx -> tx.preparedQuery("""
                insert into silver.retail_sales_commission_plan (plan_id, effective_from, name, quota_period, rates,
                    tiers, retroactive, cap_amount, clawback_window_days)
                values ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7, $8, $9)
                on conflict (plan_id, effective_from) do update set name = excluded.name,
                    quota_period = excluded.quota_period, rates = excluded.rates, tiers = excluded.tiers,
                    retroactive = excluded.retroactive, cap_amount = excluded.cap_amount,
                    clawback_window_days = excluded.clawback_window_days, updated_at = now()
                returning %s""".formatted(CommissionPlans.COLUMNS))
                .execute(Tuple.from(new Object[] { planId, effectiveFrom, plan.name(), plan.quotaPeriod(),
                        json(plan.rates()), json(plan.tiers() == null ? List.of() : plan.tiers()),
                        Boolean.TRUE.equals(plan.retroactive()), plan.capAmount(), plan.clawbackWindowDays() }))
                .map(rows -> view(rows.iterator().next()))
                .call(view -> adminActions.record(tx, "commission-plan.put", planId,
                        new JsonObject().put("effectiveFrom", effectiveFrom.toString())
                                .put("body", new JsonObject(body)))));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SALES_MANAGER, Roles.SALES_REP })
    @Operation(summary = "Every plan, in the version in effect on asOf (default today), by plan id")
    public Uni<Page<CommissionPlanView>> list(@QueryParam("asOf") @Parameter(description = "ISO date") String asOf,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int pageSize = Page.limit(limit);
        String after = Page.after(cursor);
        return pool.preparedQuery(IN_EFFECT.formatted(CommissionPlans.COLUMNS, "plan_id > $2") + " limit $3")
                .execute(Tuple.of(asOf(asOf), after == null ? "" : after, pageSize + 1))
                .map(rows -> {
                    List<CommissionPlanView> plans = new ArrayList<>();
                    rows.forEach(r -> plans.add(view(r)));
                    return Page.of(plans, pageSize, CommissionPlanView::planId);
                });
    }

    @GET
    @Path("/{planId}")
    @RolesAllowed({ Roles.ADMIN, Roles.SALES_MANAGER, Roles.SALES_REP })
    @Operation(summary = "The plan's version in effect on asOf (default today; before its first version, the first)")
    public Uni<CommissionPlanView> get(@PathParam("planId") String planId,
            @QueryParam("asOf") @Parameter(description = "ISO date") String asOf) {
        return pool.preparedQuery(IN_EFFECT.formatted(CommissionPlans.COLUMNS, "plan_id = $2"))
                .execute(Tuple.of(asOf(asOf), planId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("no commission plan " + planId);
                    }
                    return view(rows.iterator().next());
                });
    }

    private static LocalDate asOf(String asOf) {
        try {
            return asOf == null ? LocalDate.now() : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf", "must be an ISO date such as 2026-11-24");
        }
    }

    private CommissionPlanView view(Row r) {
        try {
            return new CommissionPlanView(r.getString("plan_id"), r.getString("name"), r.getLocalDate("effective_from"),
                    r.getString("quota_period"), mapper.readValue(r.getString("rates"), RATES),
                    mapper.readValue(r.getString("tiers"), TIERS), r.getBoolean("retroactive"),
                    r.getBigDecimal("cap_amount"), r.getInteger("clawback_window_days"),
                    r.getOffsetDateTime("updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan " + r.getString("plan_id") + " is not readable", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
