package org.retailcx.clv.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.clv.ingest.ClvIngestion;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.ingest.IdempotentWrites;
import org.retailcx.platform.ingest.IdempotentWrites.Outcome;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Bulk ingestion (NDJSON or a JSON array, all-or-nothing, Idempotency-Key) and the quarantine it feeds. */
@Path("/api/v1/clv")
@Produces(MediaType.APPLICATION_JSON)
public class IngestionResource {

    static final String SOURCE_SYSTEM_HEADER = "X-Source-System";

    private final Pool pool;
    private final IngestionReader reader;
    private final IdempotentWrites writes;
    private final ClvIngestion ingestion;

    public IngestionResource(Pool pool, IngestionReader reader, IdempotentWrites writes, ClvIngestion ingestion) {
        this.pool = pool;
        this.reader = reader;
        this.writes = writes;
        this.ingestion = ingestion;
    }

    @POST
    @Path("/transactions/batch")
    @Consumes({ IngestionReader.NDJSON, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.SERVICE, Roles.ADMIN })
    @Blocking // parsing and validating up to 200,000 records must not hold the event loop
    @Operation(summary = "Bulk revenue transactions (core banking): NDJSON or a JSON array, all-or-nothing")
    @RequestBody(description = "transactionId, customerId, transactionDate, amount, currency, product per record")
    public Uni<Response> transactions(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(SOURCE_SYSTEM_HEADER) @DefaultValue("core-banking") String sourceSystem,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, String body) {
        var items = reader.readBatch(body, contentType, TransactionRecord.class);
        return writes.run("clv.transactions", idempotencyKey, body,
                tx -> ingestion.transactions(tx, sourceSystem, items).map(r -> new Outcome(200, r)));
    }

    @POST
    @Path("/customers/batch")
    @Consumes({ IngestionReader.NDJSON, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.SERVICE, Roles.ADMIN })
    @Blocking // parsing and validating up to 200,000 records must not hold the event loop
    @Operation(summary = "Bulk customer attributes (segment, acquisition channel and date): latest record wins")
    public Uni<Response> customers(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(SOURCE_SYSTEM_HEADER) @DefaultValue("core-banking") String sourceSystem,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, String body) {
        var items = reader.readBatch(body, contentType, CustomerRecord.class);
        return writes.run("clv.customers", idempotencyKey, body,
                tx -> ingestion.customers(tx, sourceSystem, items).map(r -> new Outcome(200, r)));
    }

    @POST
    @Path("/profitability/batch")
    @Consumes({ IngestionReader.NDJSON, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.SERVICE, Roles.ADMIN })
    @Blocking // parsing and validating up to 200,000 records must not hold the event loop
    @Operation(summary = "Bulk customer profitability per period (revenue and cost breakdowns), all-or-nothing")
    public Uni<Response> profitability(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(SOURCE_SYSTEM_HEADER) @DefaultValue("finance") String sourceSystem,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, String body) {
        var items = reader.readBatch(body, contentType, ProfitabilityRecord.class);
        return writes.run("clv.profitability", idempotencyKey, body,
                tx -> ingestion.profitability(tx, sourceSystem, items).map(r -> new Outcome(200, r)));
    }

    @GET
    @Path("/quarantine")
    @RolesAllowed({ Roles.DATA_SCIENTIST, Roles.CX_ANALYST, Roles.ADMIN })
    @Operation(summary = "Records that failed a data-quality rule, oldest first, with rule and reason")
    public Uni<Page<QuarantinedRecord>> quarantine(@QueryParam("customerId") String customerId,
            @QueryParam("sourceTable") String sourceTable, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit);
        String afterKey = Page.after(cursor);
        long after;
        try {
            after = afterKey == null ? 0 : Long.parseLong(afterKey);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
        return pool.preparedQuery("""
                select quarantine_id, source_table, bronze_id, source_system, source_record_id, customer_id, rule,
                    reason, quarantined_at
                from silver.quarantine
                where quarantine_id > $1 and ($2::text is null or customer_id = $2)
                  and ($3::text is null or source_table = $3)
                order by quarantine_id limit $4""")
                .execute(Tuple.of(after, customerId, sourceTable, size + 1))
                .map(rows -> {
                    List<QuarantinedRecord> items = new ArrayList<>();
                    for (Row r : rows) {
                        items.add(new QuarantinedRecord(r.getLong(0), r.getString(1), r.getLong(2), r.getString(3),
                                r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                                r.getOffsetDateTime(8)));
                    }
                    return Page.of(items, size, q -> String.valueOf(q.quarantineId()));
                });
    }
}
