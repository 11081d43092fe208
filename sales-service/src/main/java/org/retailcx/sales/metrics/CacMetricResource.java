package org.retailcx.sales.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Customer acquisition cost: sales and marketing cost over the new customers won, overall and per campaign. */
@Path("/api/v1/sales/metrics/cac")
@Produces(MediaType.APPLICATION_JSON)
public class CacMetricResource {

    @RegisterForReflection
    public record CampaignCac(String campaignId, BigDecimal cost, long newCustomers, BigDecimal cac) {
    }

    @RegisterForReflection
    public record CustomerAcquisitionCost(LocalDate from, LocalDate to, BigDecimal salesCost,
            BigDecimal marketingCost, BigDecimal totalCost, long newCustomers, BigDecimal cac,
            List<CampaignCac> byCampaign) {
    }

    private final Pool pool;

    public CacMetricResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    // organisation-wide figures from finance's costs: not a rep's own, so not for reps
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.MARKETING, Roles.ADMIN, Roles.DATA_SCIENTIST })
    @Operation(summary = "Customer acquisition cost for a period: (sales + marketing cost of the months in it) ÷ new "
            + "customers (accounts whose first won deal is in it), with a breakdown by campaign (campaign costs ÷ "
            + "new customers whose first won deal came from that campaign). Organisation-wide: cost is not "
            + "attributed to reps, teams, territories, products or lead sources")
    public Uni<CustomerAcquisitionCost> cac(@BeanParam MetricFilter filter) {
        LocalDate[] period = filter.requiredPeriod();
        rejectUnattributable(filter);
        return pool.preparedQuery("""
                with new_customers as (
                    select * from (
                        select distinct on (account_id) account_id, won_date, campaign_id
                        from silver.retail_sales_opportunity_golden where is_won and won_date is not null
                        order by account_id, won_date, opportunity_id) firsts
                    where won_date between $1 and $2),
                costs as (select * from silver.retail_sales_cost where period_start between $1 and $2)
                select null as campaign_id,
                       coalesce(sum(amount) filter (where cost_category = 'sales'), 0) as sales,
                       coalesce(sum(amount) filter (where cost_category = 'marketing'), 0) as marketing,
                       (select count(*) from new_customers) as customers
                from costs
                union all
                select c.campaign_id, sum(c.amount), 0,
                       (select count(*) from new_customers n where n.campaign_id = c.campaign_id)
                from costs c where c.campaign_id is not null group by c.campaign_id
                order by campaign_id nulls first""")
                .execute(Tuple.of(period[0], period[1]))
                .map(rows -> {
                    var it = rows.iterator();
                    var all = it.next();
                    List<CampaignCac> byCampaign = new ArrayList<>();
                    it.forEachRemaining(r -> byCampaign.add(new CampaignCac(r.getString(0), r.getBigDecimal(1),
                            r.getLong(3), cac(r.getBigDecimal(1), r.getLong(3)))));
                    BigDecimal total = all.getBigDecimal(1).add(all.getBigDecimal(2));
                    long customers = all.getLong(3);
                    return new CustomerAcquisitionCost(period[0], period[1], all.getBigDecimal(1),
                            all.getBigDecimal(2), total, customers, cac(total, customers), byCampaign);
                });
    }

    private static void rejectUnattributable(MetricFilter filter) {
        String[][] given = { { "repId", filter.repId }, { "team", filter.team }, { "territoryId", filter.territoryId },
                { "product", filter.product }, { "source", filter.source } };
        for (String[] f : given) {
            if (f[1] != null) {
                throw ProblemException.invalid(f[0], "customer acquisition cost is organisation-wide: costs are "
                        + "recorded per month and campaign, not per " + f[0]);
            }
        }
    }

    /** Null when no customer was won: the cost per customer is undefined, not zero. */
    private static BigDecimal cac(BigDecimal cost, long customers) {
        return customers == 0 ? null : cost.divide(BigDecimal.valueOf(customers), 2, RoundingMode.HALF_UP);
    }

}
