package org.retailcx.sales.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.ingest.BronzeSource;
import org.retailcx.sales.ingest.SalesSources;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Records that reached bronze but failed a data-quality rule, with the rule, the field and the reason. */
@Path("/api/v1/sales/quarantine")
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

    @RegisterForReflection
    public record QuarantineEntry(long quarantineId, String source, String recordId, long bronzeId, UUID batchId,
            String rule, String field, String reason, OffsetDateTime quarantinedAt, OffsetDateTime resolvedAt) {
    }

    private final Pool pool;

    public QuarantineResource(Pool pool) {
        this.pool = pool;
    }

    @GET
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.DATA_SCIENTIST, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Quarantined records, oldest first; open ones only unless includeResolved=true")
    public Uni<Page<QuarantineEntry>> list(
            @QueryParam("source") @Parameter(description = "opportunities, leads, activities, quotes, reps, "
                    + "territories, commissions, referrals or costs") String source,
            @QueryParam("recordId") String recordId,
            @QueryParam("includeResolved") boolean includeResolved,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (source != null && SalesSources.ALL.stream().map(BronzeSource::name).noneMatch(source::equals)) {
            throw ProblemException.invalid("source", "unknown source " + source);
        }
        int pageSize = Page.limit(limit);
        String after = Page.after(cursor);
        long afterId;
        try {
            afterId = after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
        return pool.preparedQuery("""
                select quarantine_id, source, source_record_id, bronze_id, batch_id, rule, field, reason,
                       quarantined_at, resolved_at
                from silver.retail_sales_quarantine
                where quarantine_id > $1 and ($2::text is null or source = $2)
                  and ($3::text is null or source_record_id = $3) and ($4 or resolved_at is null)
                order by quarantine_id limit $5""")
                .execute(Tuple.from(new Object[] { afterId, source, recordId, includeResolved, pageSize + 1 }))
                .map(rows -> {
                    List<QuarantineEntry> entries = new ArrayList<>();
                    rows.forEach(r -> entries.add(new QuarantineEntry(r.getLong(0), r.getString(1), r.getString(2),
                            r.getLong(3), r.getUUID(4), r.getString(5), r.getString(6), r.getString(7),
                            r.getOffsetDateTime(8), r.getOffsetDateTime(9))));
                    return Page.of(entries, pageSize, e -> Long.toString(e.quarantineId()));
                });
    }
}
