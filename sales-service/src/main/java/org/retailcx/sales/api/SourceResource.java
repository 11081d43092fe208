package org.retailcx.sales.api;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.retailcx.platform.ingest.IdempotentWrites;
import org.retailcx.platform.ingest.IdempotentWrites.Outcome;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.Roles;
import org.retailcx.sales.ingest.BronzeSource;
import org.retailcx.sales.ingest.BronzeWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ingestion API every sales source shares: upsert one record by the source's external id, a bulk batch
 * (NDJSON or JSON array, all-or-nothing, Idempotency-Key), and the versions bronze received. Each source is a
 * subclass that only names its {@link BronzeSource} and its path.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class SourceResource<T> {

    public static final String SOURCE_SYSTEM_HEADER = "X-Source-System";

    private final Pool pool;
    private final IngestionReader reader;
    private final IdempotentWrites writes;
    private final BronzeWriter writer;
    private final ObjectMapper mapper;
    private final BronzeSource<T> source;

    protected SourceResource(Pool pool, IngestionReader reader, IdempotentWrites writes, BronzeWriter writer,
            ObjectMapper mapper, BronzeSource<T> source) {
        this.pool = pool;
        this.reader = reader;
        this.writes = writes;
        this.writer = writer;
        this.mapper = mapper;
        this.source = source;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SERVICE, Roles.SALES_REP, Roles.SALES_MANAGER, Roles.ADMIN })
    @Operation(summary = "Upsert one record by the source system's id (appends a version to bronze)")
    public Uni<Response> upsert(@PathParam("id") String id,
            @HeaderParam(SOURCE_SYSTEM_HEADER) @DefaultValue("api") String sourceSystem,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, String body) {
        var item = reader.readOne(body, source.recordType());
        if (!id.equals(source.idOf().apply(item.value()))) {
            throw ProblemException.invalid(source.idField(), "must equal the id in the path (" + id + ")");
        }
        return writes.run("sales." + source.name(), idempotencyKey, body,
                tx -> writer.append(tx, source, sourceSystem, List.of(item)).map(r -> new Outcome(200, r)));
    }

    @POST
    @Path("/batch")
    @Blocking // parsing and validating up to 200,000 records must not hold the event loop
    @Consumes({ IngestionReader.NDJSON, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "Bulk sync: NDJSON or a JSON array of records, all-or-nothing")
    @RequestBody(description = "application/x-ndjson (one record per line) or a JSON array of records")
    public Uni<Response> batch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(SOURCE_SYSTEM_HEADER) @DefaultValue("api") String sourceSystem,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, String body) {
        var items = reader.readBatch(body, contentType, source.recordType());
        return writes.run("sales." + source.name(), idempotencyKey, body,
                tx -> writer.append(tx, source, sourceSystem, items).map(r -> new Outcome(200, r)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.DATA_SCIENTIST, Roles.ADMIN })
    @Operation(summary = "Every version of the record that bronze received, oldest first")
    public Uni<List<RecordVersion>> history(@PathParam("id") String id) {
        return pool.preparedQuery("select bronze_id, source_system, batch_id, received_at, payload::text from "
                + source.table() + " where source_record_id = $1 order by bronze_id")
                .execute(Tuple.of(id))
                .map(rows -> {
                    List<RecordVersion> versions = new ArrayList<>();
                    for (var row : rows) {
                        versions.add(new RecordVersion(row.getLong(0), row.getString(1), row.getUUID(2),
                                row.getOffsetDateTime(3), readTree(row.getString(4))));
                    }
                    if (versions.isEmpty()) {
                        throw ProblemException.notFound("No " + source.name() + " record " + id + " has been received");
                    }
                    return versions;
                });
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
