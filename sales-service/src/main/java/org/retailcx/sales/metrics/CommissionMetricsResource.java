package org.retailcx.sales.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.platform.security.Roles;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Commission per rep: what the engine booked against what the compensation system reported. */
@Path("/api/v1/sales/metrics/commissions")
@Produces(MediaType.APPLICATION_JSON)
public class CommissionMetricsResource {

    @RegisterForReflection
    public record RepCommission(String repId, BigDecimal earned, BigDecimal clawedBack, BigDecimal net,
            BigDecimal reported, BigDecimal paidAsReported, BigDecimal discrepancy) {
    }

    @RegisterForReflection
    public record CommissionsPerRep(LocalDate from, LocalDate to, List<RepCommission> reps, RepCommission total) {
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final Pool pool;
    private final ScopedFilters scopes;

    public CommissionMetricsResource(Pool pool, ScopedFilters scopes) {
        this.pool = pool;
        this.scopes = scopes;
    }

    @GET
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_REP, Roles.ADMIN })
    @Operation(summary = "Commission per rep: earned (incl. adjustments), clawed back, net, as reported by the "
            + "compensation system, paid as reported, and the discrepancy (net − reported). Engine lines count on "
            + "their date (win date; reversal date for clawbacks), reported ones on their period's first day; team "
            + "and territory are the rep's current ones (rollUp=at-date: on the line's date); product narrows the "
            + "engine's lines only. A rep sees their own, a manager their team's")
    public Uni<CommissionsPerRep> commissions(@BeanParam MetricFilter filter) {
        return scopes.within(filter).chain(this::perRep);
    }

    private Uni<CommissionsPerRep> perRep(MetricFilter filter) {
        MetricFilter.Condition lines = filter.condition(new MetricFilter.Columns("l.line_date", "l.rep_id", "r.team",
                "t.path", "l.product", null), 1);
        MetricFilter.Condition reported = filter.condition(new MetricFilter.Columns("c.period_start", "c.rep_id",
                "r.team", "t.path", null, null), 1 + lines.params().size());
        List<Object> params = new ArrayList<>(lines.params());
        params.addAll(reported.params());
        return pool.preparedQuery("""
                with computed as (
                    select l.rep_id, coalesce(sum(l.amount) filter (where l.line_kind <> 'clawback'), 0) as earned,
                           coalesce(-sum(l.amount) filter (where l.line_kind = 'clawback'), 0) as clawed_back
                    from silver.retail_sales_commission_line l %s
                    where %s group by l.rep_id),
                reported as (
                    select c.rep_id, sum(c.amount) as reported,
                           coalesce(sum(c.amount) filter (where c.paid), 0) as paid
                    from silver.retail_sales_commission_reported c %s
                    where %s group by c.rep_id)
                select coalesce(k.rep_id, p.rep_id) as rep_id, coalesce(k.earned, 0), coalesce(k.clawed_back, 0),
                       coalesce(p.reported, 0), coalesce(p.paid, 0)
                from computed k full join reported p on p.rep_id = k.rep_id
                order by 1""".formatted(filter.repJoin("l.rep_id", "l.line_date"), lines.sql(),
                filter.repJoin("c.rep_id", "c.period_start"), reported.sql()))
                .execute(Tuple.from(params))
                .map(rows -> {
                    List<RepCommission> reps = new ArrayList<>();
                    rows.forEach(r -> reps.add(repCommission(r.getString(0), r.getBigDecimal(1), r.getBigDecimal(2),
                            r.getBigDecimal(3), r.getBigDecimal(4))));
                    RepCommission total = repCommission(null, sum(reps, RepCommission::earned),
                            sum(reps, RepCommission::clawedBack), sum(reps, RepCommission::reported),
                            sum(reps, RepCommission::paidAsReported));
                    return new CommissionsPerRep(filter.fromDate(), filter.toDate(), reps, total);
                });
    }

    private static RepCommission repCommission(String repId, BigDecimal earned, BigDecimal clawedBack,
            BigDecimal reported, BigDecimal paid) {
        BigDecimal net = earned.subtract(clawedBack);
        return new RepCommission(repId, earned.setScale(2), clawedBack.setScale(2), net.setScale(2),
                reported.setScale(2), paid.setScale(2), net.subtract(reported).setScale(2));
    }

    private static BigDecimal sum(List<RepCommission> reps, Function<RepCommission, BigDecimal> f) {
        return reps.stream().map(f).reduce(ZERO, BigDecimal::add);
    }
}
