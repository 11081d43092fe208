package org.retailcx.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.metrics.RepScope;


import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** CRM opportunity sync, and the golden opportunity with its change history. */
@Path("/api/v1/sales/opportunities")
@Tag(name = "ingestion: opportunities")
public class OpportunityResource {

    @RegisterForReflection
    public record Change(long bronzeId, OffsetDateTime changedAt, String stageFrom, String stageTo,
            BigDecimal amountFrom, BigDecimal amountTo, BigDecimal probabilityFrom, BigDecimal probabilityTo,
            LocalDate closeDateFrom, LocalDate closeDateTo) {
    }

    /** silver.retail_sales_opportunity_golden with its history, oldest change first. */
    @RegisterForReflection
    public record Opportunity(String opportunityId, String accountId, String leadId, String ownerId, String stage,
            BigDecimal amount, String currency, BigDecimal probability, LocalDate expectedCloseDate,
            String productInterest, String leadSource, String campaignId, String competitiveThreat, String lossReason,
            LocalDate createdDate, OffsetDateTime stageEnteredAt, LocalDate closedDate, LocalDate wonDate,
            boolean closed, boolean won, int versionCount, long lastBronzeId, OffsetDateTime lastChangedAt,
            List<Change> history) {
    }

    private final Pool pool;
    private final Caller caller;

    public OpportunityResource(Pool pool, Caller caller) {
        this.pool = pool;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "The golden opportunity (newest valid version) and its stage/amount/probability/close-date "
            + "changes; a rep's own or a manager's team's only (another's is not found)")
    public Uni<Opportunity> get(@PathParam("id") String id) {
        var visible = RepScope.of(caller).condition("owner_id", 2);
        return pool.preparedQuery("""
                select bronze_id, changed_at, stage_from, stage_to, amount_from, amount_to, probability_from,
                       probability_to, close_date_from, close_date_to
                from silver.retail_sales_opportunity_history where opportunity_id = $1 order by changed_at, bronze_id""")
                .execute(Tuple.of(id))
                .chain(changes -> pool.preparedQuery(
                        "select * from silver.retail_sales_opportunity_golden where opportunity_id = $1 and "
                                + visible.sql())
                        .execute(visible.tuple(id))
                        .map(golden -> {
                            if (golden.size() == 0) {
                                throw ProblemException.notFound("No valid version of opportunity " + id
                                        + " has been received (see its history and the quarantine)");
                            }
                            return opportunity(golden.iterator().next(), history(changes));
                        }));
    }

    private static List<Change> history(Iterable<Row> rows) {
        List<Change> changes = new ArrayList<>();
        for (Row r : rows) {
            changes.add(new Change(r.getLong(0), r.getOffsetDateTime(1), r.getString(2), r.getString(3),
                    r.getBigDecimal(4), r.getBigDecimal(5), r.getBigDecimal(6), r.getBigDecimal(7), r.getLocalDate(8),
                    r.getLocalDate(9)));
        }
        return changes;
    }

    private static Opportunity opportunity(Row g, List<Change> history) {
        return new Opportunity(g.getString("opportunity_id"), g.getString("account_id"), g.getString("lead_id"),
                g.getString("owner_id"), g.getString("stage"), g.getBigDecimal("amount"), g.getString("currency"),
                g.getBigDecimal("probability"), g.getLocalDate("expected_close_date"),
                g.getString("product_interest"), g.getString("lead_source"), g.getString("campaign_id"),
                g.getString("competitive_threat"), g.getString("loss_reason"), g.getLocalDate("created_date"),
                g.getOffsetDateTime("stage_entered_at"), g.getLocalDate("closed_date"), g.getLocalDate("won_date"),
                g.getBoolean("is_closed"), g.getBoolean("is_won"), g.getInteger("version_count"),
                g.getLong("last_bronze_id"), g.getOffsetDateTime("last_changed_at"), history);
    }
}
