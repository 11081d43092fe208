package org.retailcx.sales.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.ingest.IdempotentWrites;
import org.retailcx.platform.ingest.IdempotentWrites.Outcome;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.ingest.OpportunityIngestion;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@Path("/api/v1/sales/opportunities")
@Produces(MediaType.APPLICATION_JSON)
public class OpportunityResource {

    static final String SOURCE_SYSTEM_HEADER = "X-Source-System";

    private final Pool pool;
    private final IngestionReader reader;
    private final IdempotentWrites writes;
    private final OpportunityIngestion ingestion;
    private final ObjectMapper mapper;

    public OpportunityResource(Pool pool, IngestionReader reader, IdempotentWrites writes, OpportunityIngestion ingestion,
            ObjectMapper mapper) {
        this.pool = pool;
        this.reader = reader;
        this.writes = writes;
        this.ingestion = ingestion;
        this.mapper = mapper;
    }

    @PUT
    @Path("/{opportunityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SERVICE, Roles.SALES_REP, Roles.SALES_MANAGER, Roles.ADMIN })
    @Operation(summary = "Upsert one opportunity by the CRM's id (appends a version to bronze)")
    public Uni<Response> upsert(@PathParam("opportunityId") String opportunityId,
            @HeaderParam(SOURCE_SYSTEM_HEADER) @DefaultValue("api") String sourceSystem,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(schema = @Schema(implementation = OpportunityRecord.class))) String body) {
        var item = reader.readOne(body, OpportunityRecord.class);
        if (!opportunityId.equals(item.value().opportunityId())) {
            throw ProblemException.invalid("opportunityId", "must equal the id in the path (" + opportunityId + ")");
        }
        return writes.run("sales.opportunities", idempotencyKey, body,
                tx -> ingestion.ingest(tx, sourceSystem, List.of(item)).map(r -> new Outcome(200, r)));
    }

    @POST
    @Path("/batch")
    @Consumes({ IngestionReader.NDJSON, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "Bulk CRM sync: NDJSON or a JSON array of opportunities, all-or-nothing")
    @RequestBody(description = "application/x-ndjson (one opportunity per line) or a JSON array of opportunities")
    public Uni<Response> batch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(SOURCE_SYSTEM_HEADER) @DefaultValue("api") String sourceSystem,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, String body) {
        var items = reader.readBatch(body, contentType, OpportunityRecord.class);
        return writes.run("sales.opportunities", idempotencyKey, body,
                tx -> ingestion.ingest(tx, sourceSystem, items).map(r -> new Outcome(200, r)));
    }

    @GET
    @Path("/{opportunityId}/history")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.ADMIN })
    @Operation(summary = "Every version of an opportunity that bronze received, oldest first")
    public Uni<List<OpportunityVersion>> history(@PathParam("opportunityId") String opportunityId) {
        return pool.preparedQuery("""
                select bronze_id, source_system, batch_id, received_at, payload::text
                from bronze.retail_sales_opportunities where opportunity_id = $1 order by bronze_id""")
                .execute(Tuple.of(opportunityId))
                .map(rows -> {
                    List<OpportunityVersion> versions = new ArrayList<>();
                    for (var row : rows) {
                        versions.add(new OpportunityVersion(row.getLong(0), row.getString(1), row.getUUID(2),
                                row.getOffsetDateTime(3), readTree(row.getString(4))));
                    }
                    if (versions.isEmpty()) {
                        throw ProblemException.notFound("No opportunity " + opportunityId + " has been received");
                    }
                    return versions;
                });
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
