package org.retailcx.platform.medallion;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.retailcx.platform.api.Page;
import org.retailcx.platform.ingest.IdempotentWrites;
import org.retailcx.platform.ingest.IdempotentWrites.Outcome;
import org.retailcx.platform.ingest.IngestionReader;
import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.security.AdminActions;
import org.retailcx.platform.security.Caller;
import org.retailcx.platform.security.Roles;
import org.retailcx.platform.security.PersonalData;
import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The endpoints every declared source gets, served from its {@link MedallionSource} declaration: upsert one record,
 * a bulk batch (NDJSON or JSON array, streamed, all-or-nothing, Idempotency-Key), the versions bronze received, the
 * quarantine, batch receipts and the rebuild of the derived layers. Roles are the source's; the OpenAPI document
 * lists each source's operations with its roles and record schema ({@link MedallionOpenApiFilter}).
 * <p>
 * A write commits bronze and the batch's ledger row, then the ordered {@link Promoter} brings silver and gold up to
 * date. By default the call waits for that (up to {@code retailcx.medallion.wait}) and answers 200 with the
 * promoted receipt; with {@code Prefer: respond-async} it answers 202 at once, and
 * {@code GET /api/v1/<domain>/batches/{id}} tells when the batch reached silver and gold.
 */
@Path(MedallionRouting.INTERNAL + "/{domain}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "medallion")
@PermitAll // every method checks the roles its source declares
public class MedallionResource {

    public static final String SOURCE_SYSTEM_HEADER = "X-Source-System";
    public static final String PREFER = "Prefer";

    private final Pool pool;
    private final MedallionCatalog catalog;
    private final IngestionReader reader;
    private final IdempotentWrites writes;
    private final BronzeWriter writer;
    private final Promoter promoter;
    private final LayerRebuilds rebuilds;
    private final Caller caller;
    private final PersonalData personalData;
    private final AdminActions adminActions;
    private final Duration wait;

    public MedallionResource(Pool pool, MedallionCatalog catalog, IngestionReader reader, IdempotentWrites writes,
            BronzeWriter writer, Promoter promoter, LayerRebuilds rebuilds, Caller caller, PersonalData personalData,
            AdminActions adminActions,
            @ConfigProperty(name = "retailcx.medallion.wait", defaultValue = "30s") Duration wait) {
        this.pool = pool;
        this.catalog = catalog;
        this.reader = reader;
        this.writes = writes;
        this.writer = writer;
        this.promoter = promoter;
        this.rebuilds = rebuilds;
        this.caller = caller;
        this.personalData = personalData;
        this.adminActions = adminActions;
        this.wait = wait;
    }

    @PUT
    @Path("/{path: .+}/{id}")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upsert one record by the source system's id (appends a version to bronze)")
    public Response upsert(@PathParam("domain") String domain, @PathParam("path") String path,
            @PathParam("id") String id, @HeaderParam(SOURCE_SYSTEM_HEADER) String sourceSystem,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, @HeaderParam(PREFER) String prefer,
            String body) {
        MedallionSource<?> source = writable(catalog.source(domain, path));
        BronzeWriter.Caller caller = authorize(source.access().upsert());
        return upsert(source, id, sourceSystem, idempotencyKey, prefer, body, caller);
    }

    private <T> Response upsert(MedallionSource<T> source, String id, String sourceSystem, String idempotencyKey,
            String prefer, String body, BronzeWriter.Caller caller) {
        var item = reader.readOne(body, source.recordType());
        var appender = appender(source, sourceSystem);
        appender.add("", item.raw(), item.value());
        // every bad field at once: an id composed of fields (customer@date) may differ because one of them is bad
        List<FieldError> errors = new ArrayList<>(appender.errors());
        if (!id.equals(source.idOf().apply(item.value()))) {
            errors.add(0, new FieldError(source.idField(), "must equal the id in the path (" + id + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        OwnBook<T> book = ownBook(source);
        if (book != null) {
            book.add("", item.value());
        }
        return write(source, appender, caller, idempotencyKey, async(prefer), tx -> {
            if (book != null) {
                book.check(tx, appender.batchId(), wait);
            }
            return new IngestionReader.BatchRead(1, IdempotentWrites.sha256(body));
        });
    }

    @POST
    @Path("/{path: .+}/batch")
    @Blocking // streams, parses and validates up to the batch limits on a worker thread
    @Consumes({ IngestionReader.NDJSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Bulk sync: NDJSON or a JSON array of records, all-or-nothing")
    public Response batch(@PathParam("domain") String domain, @PathParam("path") String path,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(SOURCE_SYSTEM_HEADER) String sourceSystem,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey, @HeaderParam(PREFER) String prefer,
            InputStream body) {
        MedallionSource<?> source = writable(catalog.source(domain, path));
        BronzeWriter.Caller caller = authorize(source.access().batch());
        if (idempotencyKey != null) {
            IdempotentWrites.checkKey(idempotencyKey);
        }
        return batch(source, contentType, sourceSystem, idempotencyKey, prefer, body, caller);
    }

    private <T> Response batch(MedallionSource<T> source, String contentType, String sourceSystem,
            String idempotencyKey, String prefer, InputStream body, BronzeWriter.Caller caller) {
        var appender = appender(source, sourceSystem);
        OwnBook<T> book = ownBook(source);
        return write(source, appender, caller, idempotencyKey, async(prefer), tx -> {
            var read = reader.readBatch(body, contentType, source.recordType(), (index, raw, value) -> {
                if (book != null) {
                    book.add("[" + index + "].", value);
                }
                if (appender.add("[" + index + "].", raw, value) && appender.errors().isEmpty()) {
                    appender.send(tx, wait);
                }
            });
            if (!appender.errors().isEmpty()) {
                throw ProblemException.invalid(appender.errors());
            }
            if (book != null) {
                book.check(tx, appender.batchId(), wait);
            }
            return read;
        });
    }

    /** Only the routes a source serves are public; the internal prefix must not reach the others either. */
    private static MedallionSource<?> writable(MedallionSource<?> source) {
        if (!MedallionRouting.writable(source)) {
            throw ProblemException.notFound("Source " + source.name() + " is written by the service itself");
        }
        return source;
    }

    /** The own-book check when the caller may write only their own records (a sales rep), else null. */
    private <T> OwnBook<T> ownBook(MedallionSource<T> source) {
        return caller.ownBookOnly() ? new OwnBook<>(source, caller.repId()) : null;
    }

    private <T> BronzeWriter.Appender<T> appender(MedallionSource<T> source, String sourceSystem) {
        var shape = writer.shape(source).await().atMost(wait);
        return writer.appender(source, shape, UUID.randomUUID(),
                sourceSystem == null ? source.defaultSourceSystem() : sourceSystem, null);
    }

    /**
     * One transaction, driven from this worker thread: {@code body} appends (a batch streams its chunks), then the
     * Idempotency-Key is claimed (a replay rolls everything back and answers the first batch's receipt), the rest is
     * appended, the batch registered and its reference stored under the key. After the commit: wait for promotion
     * (or not, when asked to respond async) and answer the receipt.
     */
    private Response write(MedallionSource<?> source, BronzeWriter.Appender<?> appender, BronzeWriter.Caller caller,
            String idempotencyKey, boolean async, Function<SqlConnection, IngestionReader.BatchRead> body) {
        SqlConnection tx = pool.getConnection().await().atMost(wait);
        UUID replayOf = null;
        try {
            var transaction = tx.begin().await().atMost(wait);
            boolean committed = false;
            try {
                IngestionReader.BatchRead read = body.apply(tx);
                replayOf = claimOrAppend(tx, source, appender, read, caller, idempotencyKey, async);
                if (replayOf == null) {
                    transaction.commit().await().atMost(wait);
                    committed = true;
                }
            } finally {
                if (!committed) {
                    transaction.rollback().onFailure().recoverWithNull().await().atMost(wait);
                }
            }
        } finally {
            tx.close().await().atMost(wait);
        }
        if (replayOf != null) {
            return receiptResponse(replayOf, async, true);
        }
        if (async) {
            promoter.kick();
        } else {
            promoter.awaitPromotion(appender.batchId(), wait).await().atMost(wait.plusSeconds(5));
        }
        return receiptResponse(appender.batchId(), async, false);
    }

    /** @return the first batch's id when the Idempotency-Key was used before (nothing is appended then), else null */
    private UUID claimOrAppend(SqlConnection tx, MedallionSource<?> source, BronzeWriter.Appender<?> appender,
            IngestionReader.BatchRead read, BronzeWriter.Caller caller, String idempotencyKey, boolean async) {
        String scope = catalog.domain().domain() + "." + source.name();
        boolean keyed = idempotencyKey != null && !idempotencyKey.isBlank();
        if (keyed) {
            Optional<IdempotentWrites.Stored> stored = writes.claim(tx, scope, idempotencyKey, read.sha256())
                    .await().atMost(wait);
            if (stored.isPresent()) {
                return UUID.fromString(stored.get().body().path("batchId").asText());
            }
        }
        appender.flush(tx).await().atMost(wait);
        writer.register(tx, appender.batchId(), source, appender.sourceSystem(), read.records(), caller,
                keyed ? idempotencyKey : null, !async).await().atMost(wait);
        if (keyed) {
            writes.record(tx, scope, idempotencyKey, new Outcome(202, new BatchRef(appender.batchId())))
                    .await().atMost(wait);
        }
        return null;
    }

    /** What an Idempotency-Key stores: the batch, whose receipt a replay reads afresh. */
    @RegisterForReflection
    public record BatchRef(UUID batchId) {
    }

    private Response receiptResponse(UUID batchId, boolean async, boolean replayed) {
        BatchReceipt receipt = receipt(batchId);
        boolean pending = "accepted".equals(receipt.status());
        Response.ResponseBuilder response = Response.status(async || pending ? 202 : 200).entity(receipt)
                .location(URI.create("/api/v1/" + catalog.domain().domain() + "/batches/" + batchId));
        if (replayed) {
            response.header(IdempotentWrites.REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    private BatchReceipt receipt(UUID batchId) {
        return pool.preparedQuery("select " + BatchReceipt.COLUMNS + " from platform.ingestion_batches where batch_id = $1")
                .execute(Tuple.of(batchId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No batch " + batchId + " has been received");
                    }
                    return BatchReceipt.of(rows.iterator().next());
                }).await().atMost(wait);
    }

    @GET
    @Path("/batches/{batchId}")
    @Blocking
    @Operation(summary = "A batch's receipt: accepted (in bronze), promoted (silver and gold current) or failed")
    public BatchReceipt batchReceipt(@PathParam("domain") String domain, @PathParam("batchId") String batchId) {
        MedallionDomain d = catalog.domain(domain);
        authorize(d.operatorRoles());
        UUID id;
        try {
            id = UUID.fromString(batchId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("batchId", "is not a batch id (a UUID)");
        }
        return receipt(id);
    }

    @GET
    @Path("/{path: .+}/{id}/history")
    @Blocking
    @Operation(summary = "Every version of the record that bronze received, oldest first")
    public List<RecordVersion> history(@PathParam("domain") String domain, @PathParam("path") String path,
            @PathParam("id") String id) {
        MedallionSource<?> source = catalog.source(domain, path);
        if (!MedallionRouting.readable(source)) {
            throw ProblemException.notFound("Source " + source.name() + " serves no history");
        }
        authorize(source.access().history());
        // a rep sees the history of their own records only, a manager their team's; another's is not found, so ids
        // do not leak
        if (caller.ownBookOnly() && (source.owner() == null || caller.repId() == null
                || !caller.repId().equals(OwnBook.ownerOf(pool, source, id, wait)))) {
            throw ProblemException.notFound("No " + source.name() + " record " + id + " in your book");
        }
        Optional<String> team = catalog.domain(domain).teamCondition();
        if (caller.has(Roles.SALES_MANAGER) && !caller.unscoped() && source.owner() != null && team.isPresent()
                && !inTeam(team.get(), OwnBook.ownerOf(pool, source, id, wait))) {
            throw ProblemException.notFound("No " + source.name() + " record " + id + " in your team's book");
        }
        PersonalData.View view = PersonalData.view(caller);
        return pool.preparedQuery("select b.bronze_id, b.source_system, b.batch_id, b.received_at, i.received_by,"
                + " b.payload::text from " + source.table() + " b left join platform.ingestion_batches i"
                + " on i.batch_id = b.batch_id where b.source_record_id = $1 order by b.bronze_id")
                .execute(Tuple.of(id))
                .map(rows -> {
                    List<RecordVersion> versions = new ArrayList<>();
                    for (var row : rows) {
                        versions.add(new RecordVersion(row.getLong(0), row.getString(1), row.getUUID(2),
                                row.getOffsetDateTime(3), row.getString(4), personalData.mask(view,
                                        tree(row.getString(5)), source.personalData(), source.consentField())));
                    }
                    if (versions.isEmpty()) {
                        throw ProblemException.notFound("No " + source.name() + " record " + id + " has been received");
                    }
                    return versions;
                }).await().atMost(wait);
    }

    private boolean inTeam(String teamCondition, String owner) {
        if (owner == null || caller.repId() == null) {
            return false;
        }
        return pool.preparedQuery("select " + teamCondition).execute(Tuple.of(owner, caller.repId()))
                .map(rows -> Boolean.TRUE.equals(rows.iterator().next().getBoolean(0))).await().atMost(wait);
    }

    @GET
    @Path("/quarantine")
    @Blocking
    @Operation(summary = "Quarantined records, oldest first; open ones only unless includeResolved=true")
    public Page<QuarantineEntry> quarantine(@PathParam("domain") String domain, @QueryParam("source") String source,
            @QueryParam("sourceTable") String sourceTable, @QueryParam("recordId") String recordId,
            @QueryParam("customerId") String customerId, @QueryParam("includeResolved") boolean includeResolved,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        MedallionDomain d = catalog.domain(domain);
        authorize(d.operatorRoles());
        if (source != null && d.byName(source).isEmpty()) {
            throw ProblemException.invalid("source", "unknown source " + source + " (sources: "
                    + String.join(", ", d.sources().stream().map(MedallionSource::name).toList()) + ")");
        }
        int pageSize = Page.limit(limit);
        long afterId = Page.afterId(cursor);
        return pool.preparedQuery("""
                select * from silver.data_quality_quarantine
                where quarantine_id > $1 and ($2::text is null or source = $2)
                  and ($3::text is null or source_record_id = $3) and ($4 or resolved_at is null)
                  and ($5::text is null or customer_id = $5) and ($6::text is null or source_table = $6)
                order by quarantine_id limit $7""")
                .execute(Tuple.from(new Object[] { afterId, source, recordId, includeResolved, customerId, sourceTable,
                        pageSize + 1 }))
                .map(rows -> {
                    List<QuarantineEntry> entries = new ArrayList<>();
                    rows.forEach(r -> entries.add(QuarantineEntry.of(r)));
                    return Page.of(entries, pageSize, e -> Long.toString(e.quarantineId()));
                }).await().atMost(wait);
    }

    @POST
    @Path("/admin/rebuild")
    @Blocking
    @Operation(summary = "Rebuild silver and gold from bronze, in one transaction (idempotent; admin)")
    public LayerRebuilds.RebuildReport rebuild(@PathParam("domain") String domain) {
        catalog.domain(domain);
        authorize(Set.of(org.retailcx.platform.security.Roles.ADMIN));
        var report = rebuilds.rebuildAll(promoter.lockName()).await().atMost(Duration.ofHours(1));
        adminActions.record(pool, "medallion.rebuild", domain, JsonObject.mapFrom(report)).await().atMost(wait);
        return report;
    }

    private BronzeWriter.Caller authorize(Set<String> roles) {
        if (caller.anonymous()) {
            throw new UnauthorizedException();
        }
        if (!caller.hasAny(roles)) {
            throw new ForbiddenException();
        }
        return BronzeWriter.Caller.of(caller);
    }

    private static boolean async(String prefer) {
        return prefer != null && prefer.toLowerCase().contains("respond-async");
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
