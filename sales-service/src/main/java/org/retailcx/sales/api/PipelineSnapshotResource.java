package org.retailcx.sales.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.AdminActions;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.pipeline.PipelineSnapshots;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Backfill of daily pipeline snapshots (the scheduled job takes yesterday and today). */
@Path("/api/v1/sales/pipeline/snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline snapshots")
public class PipelineSnapshotResource {

    static final int MAX_DAYS = 3660;

    @RegisterForReflection
    public record SnapshotReceipt(LocalDate from, LocalDate to, int days, int openOpportunityRows) {
    }

    private final Pool pool;
    private final PipelineSnapshots snapshots;
    private final AdminActions adminActions;

    public PipelineSnapshotResource(Pool pool, PipelineSnapshots snapshots, AdminActions adminActions) {
        this.pool = pool;
        this.snapshots = snapshots;
        this.adminActions = adminActions;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Take (or retake) the snapshots of every date from..to from the change history; idempotent")
    public Uni<SnapshotReceipt> backfill(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS) {
            throw ProblemException.invalid("to", "at most " + MAX_DAYS + " days per call");
        }
        return pool.withTransaction(tx -> snapshots.take(tx, start, end)
                .call(() -> adminActions.record(tx, "pipeline-snapshots.backfill", start + ".." + end, null)))
                .map(rows -> new SnapshotReceipt(start, end, (int) days, rows));
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required (ISO date)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO date such as 2026-11-24");
        }
    }
}
