package org.retailcx.platform.medallion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.platform.medallion.TestMedallionDomain.Produced;
import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.schema.EventJson;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@link InternalAppend} on the real database: records a service produces itself land in bronze with lineage and
 * the caller, get a ledger row, run the source's rule and listeners (silver, outbox) inside the caller's transaction
 * and vanish with it when it rolls back; the source serves no write endpoint.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class InternalAppendTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final BronzeWriter.Caller CALLER = new BronzeWriter.Caller("svc-recommender",
            List.of("marketing", "service"));

    @Inject
    InternalAppend append;

    @Inject
    BronzeWriter writer;

    @Inject
    Promoter promoter;

    @Inject
    Pool pool;

    @Test
    void landsInBronzeWithLineageAndCallerRegistersTheBatchAndRunsTheListeners() {
        String id = "P-" + UUID.randomUUID();
        UUID batch = inTransaction(tx -> append.append(tx, TestMedallionDomain.PRODUCED, CALLER,
                List.of(new Produced(id + "-1", "C-1", new BigDecimal("12.50")),
                        new Produced(id + "-2", "C-2", new BigDecimal("7")))));

        List<Row> bronze = rows("""
                select bronze_id, source_system, source_record_id, batch_id, customer_id, amount, payload::text
                from bronze.test_produced where source_record_id like $1 order by bronze_id""", id + "%");
        assertEquals(2, bronze.size());
        Row first = bronze.get(0);
        assertEquals("platform-runtime-test", first.getString(1));
        assertEquals(id + "-1", first.getString(2));
        assertEquals(batch, first.getUUID(3));
        assertEquals(batch, bronze.get(1).getUUID(3));
        assertEquals("C-1", first.getString(4));
        assertEquals(0, new BigDecimal("12.50").compareTo(first.getBigDecimal(5)));
        JsonNode payload = json(first.getString(6));
        assertEquals(id + "-1", payload.path("recordId").asText());
        assertEquals(12.5, payload.path("amount").asDouble());

        Row ledger = one("""
                select source, source_system, records, received_by, received_roles, status, promoted_with,
                    quarantined, events_queued, awaited, idempotency_key
                from platform.ingestion_batches where batch_id = $1""", batch);
        assertEquals("produced", ledger.getString(0));
        assertEquals("platform-runtime-test", ledger.getString(1));
        assertEquals(2, ledger.getInteger(2));
        assertEquals("svc-recommender", ledger.getString(3));
        assertEquals(List.of("marketing", "service"), List.of(ledger.getArrayOfStrings(4)));
        assertEquals("promoted", ledger.getString(5));
        assertEquals(1, ledger.getInteger(6));
        assertEquals(0, ledger.getInteger(7));
        assertEquals(2, ledger.getInteger(8));
        assertFalse(ledger.getBoolean(9));
        assertNull(ledger.getString(10));

        // silver, with lineage to each bronze row, and one event per record, queued in the same transaction
        List<Row> silver = rows("select record_id, bronze_id from silver.test_produced where record_id like $1"
                + " order by record_id", id + "%");
        assertEquals(2, silver.size());
        assertEquals(first.getLong(0), silver.get(0).getLong(1));
        assertEquals(bronze.get(1).getLong(0), silver.get(1).getLong(1));
        List<Row> events = rows("select ce_subject, ce_type from platform.outbox where ce_subject like $1"
                + " order by seq", id + "%");
        assertEquals(2, events.size());
        assertEquals(id + "-1", events.get(0).getString(0));
        assertEquals("retailcx.sales.opportunity.closed-won.v1", events.get(0).getString(1));

        // the version's history names the caller, to the roles the source allows
        given().header("Authorization", TestTokens.bearer("data-scientist"))
                .when().get("/api/v1/medallion-test/produced/" + id + "-1/history").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].receivedBy", equalTo("svc-recommender"))
                .body("[0].batchId", equalTo(batch.toString())).body("[0].record.customerId", equalTo("C-1"));
        given().header("Authorization", TestTokens.bearer("service"))
                .when().get("/api/v1/medallion-test/produced/" + id + "-1/history").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aRollbackOfTheCallersTransactionLeavesNothing() {
        String id = "R-" + UUID.randomUUID();
        AtomicReference<UUID> batch = new AtomicReference<>();
        var failure = assertThrows(IllegalStateException.class, () -> inTransaction(tx -> append
                .append(tx, TestMedallionDomain.PRODUCED, CALLER, List.of(new Produced(id, "C-9", BigDecimal.TEN)))
                .invoke(batch::set)
                // the caller's next effect fails: everything the append did goes with it
                .chain(() -> Uni.createFrom().<UUID>failure(new IllegalStateException("the caller's next step")))));
        assertEquals("the caller's next step", failure.getMessage());
        assertNotNull(batch.get(), "the append ran before the failure");
        assertEquals(0, count("select count(*) from bronze.test_produced where source_record_id = $1", id));
        assertEquals(0, count("select count(*) from platform.ingestion_batches where batch_id = $1", batch.get()));
        assertEquals(0, count("select count(*) from silver.test_produced where record_id = $1", id));
        assertEquals(0, count("select count(*) from platform.outbox where ce_subject = $1", id));
    }

    @Test
    void aRecordThatBreaksARuleIsQuarantinedAndBronzeKeepsIt() {
        String id = "Q-" + UUID.randomUUID();
        UUID batch = inTransaction(tx -> append.append(tx, TestMedallionDomain.PRODUCED, CALLER, List.of(
                new Produced(id + "-ok", "C-3", BigDecimal.ONE), new Produced(id + "-bad", "C-4",
                        new BigDecimal("-5")))));

        assertEquals(2, count("select count(*) from bronze.test_produced where batch_id = $1", batch));
        assertEquals(1, count("select count(*) from silver.test_produced where record_id like $1", id + "%"));
        assertEquals(0, count("select count(*) from silver.test_produced where record_id = $1", id + "-bad"));
        Row entry = one("""
                select q.rule, q.field, q.reason, q.batch_id, q.customer_id, q.source_table, q.resolved_at,
                    q.bronze_id = b.bronze_id
                from silver.data_quality_quarantine q join bronze.test_produced b on b.source_record_id = q.source_record_id
                where q.source = 'produced' and q.source_record_id = $1""", id + "-bad");
        assertEquals("amount-positive", entry.getString(0));
        assertEquals("amount", entry.getString(1));
        assertEquals("amount must be positive, was -5.00", entry.getString(2));
        assertEquals(batch, entry.getUUID(3));
        assertEquals("C-4", entry.getString(4));
        assertEquals("bronze.test_produced", entry.getString(5));
        assertNull(entry.getValue(6));
        assertTrue(entry.getBoolean(7));
        Row ledger = one("select status, quarantined, events_queued from platform.ingestion_batches"
                + " where batch_id = $1", batch);
        assertEquals("promoted", ledger.getString(0));
        assertEquals(1, ledger.getInteger(1));
        assertEquals(1, ledger.getInteger(2));
        given().header("Authorization", TestTokens.bearer("data-scientist")).queryParam("recordId", id + "-bad")
                .when().get("/api/v1/medallion-test/quarantine").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].rule", equalTo("amount-positive"))
                .body("items[0].field", equalTo("amount"));
    }

    @Test
    void promotesAtOnceWhereAReceivedBatchWouldWaitBehindAPendingOne() {
        String id = "O-" + UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        UUID fed = UUID.randomUUID();
        AtomicReference<UUID> produced = new AtomicReference<>();
        List<String> statuses = assertThrows(Stop.class, () -> inTransaction(tx -> writer
                // an earlier batch clients sent, still pending (visible to this transaction only)
                .register(tx, pending, TestMedallionDomain.FEED, "crm", 0, CALLER, null, false)
                .chain(() -> writer.register(tx, fed, TestMedallionDomain.FEED, "crm", 0, CALLER, null, false))
                .chain(() -> promoter.promoteInline(tx, fed, TestMedallionDomain.FEED, 0))
                .chain(() -> append.append(tx, TestMedallionDomain.PRODUCED, CALLER,
                        List.of(new Produced(id, "C-5", BigDecimal.ONE))))
                .invoke(produced::set)
                .chain(() -> tx.preparedQuery("select status from platform.ingestion_batches where batch_id = any($1)"
                        + " order by seq").execute(Tuple.of((Object) new UUID[] { pending, fed, produced.get() })))
                .map(rows -> {
                    List<String> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                })
                // roll back: the planted batches must not reach the promoter
                .chain(out -> Uni.createFrom().<UUID>failure(new Stop(out))))).statuses;
        // the received batch waits behind the pending one; the service's own is promoted in its transaction
        assertEquals(List.of("accepted", "accepted", "promoted"), statuses);
        assertEquals(0, count("select count(*) from bronze.test_produced where source_record_id = $1", id));
    }

    private static final class Stop extends RuntimeException {
        final List<String> statuses;

        Stop(List<String> statuses) {
            super("rolled back on purpose");
            this.statuses = statuses;
        }
    }

    @Test
    void aValueTheColumnCannotHoldIsRefusedNamingTheRecordAndField() {
        String id = "V-" + UUID.randomUUID();
        var refused = assertThrows(ProblemException.class, () -> inTransaction(tx -> append.append(tx,
                TestMedallionDomain.PRODUCED, CALLER, List.of(new Produced(id + "-1", "C-6", BigDecimal.ONE),
                        new Produced(id + "-2", "C-6", new BigDecimal("123456789"))))));
        assertEquals(400, refused.status());
        assertEquals(List.of("[1].amount"), refused.errors().stream().map(FieldError::field).toList());
        assertEquals(0, count("select count(*) from bronze.test_produced where source_record_id like $1", id + "%"));
    }

    @Test
    void onlyInternalSourcesTakeInternalAppendsAndTheyServeNoWriteEndpoint() {
        assertThrows(IllegalArgumentException.class, () -> append.append(null, TestMedallionDomain.FEED, CALLER,
                List.of(new TestMedallionDomain.Fed("F-1", "C-7"))));
        assertNull(inTransaction(tx -> append.append(tx, TestMedallionDomain.PRODUCED, CALLER, List.of())));

        JsonNode paths = json(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString())
                .path("paths");
        assertTrue(paths.path("/api/v1/medallion-test/feed/{id}").has("put"));
        assertTrue(paths.path("/api/v1/medallion-test/feed/batch").has("post"));
        assertFalse(paths.has("/api/v1/medallion-test/produced/{id}"));
        assertFalse(paths.has("/api/v1/medallion-test/produced/batch"));
        assertEquals("[\"admin\",\"data-scientist\"]", paths.path("/api/v1/medallion-test/produced/{id}/history")
                .path("get").path("x-roles").toString());

        // neither the public path nor the generic resource behind it takes a write
        for (String path : List.of("/api/v1/medallion-test/produced/P-1", "/api/medallion/medallion-test/produced/P-1")) {
            given().header("Authorization", TestTokens.bearer("admin")).contentType("application/json")
                    .body("{\"recordId\":\"P-1\",\"customerId\":\"C-8\",\"amount\":1}")
                    .when().put(path).then().statusCode(404);
        }
        given().header("Authorization", TestTokens.bearer("admin")).contentType("application/json").body("[]")
                .when().post("/api/medallion/medallion-test/produced/batch").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        assertEquals(0, count("select count(*) from bronze.test_produced where source_record_id = $1", "P-1"));
    }

    private <T> T inTransaction(java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work).await().atMost(WAIT);
    }

    private List<Row> rows(String sql, Object param) {
        List<Row> out = new java.util.ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of(param)).await().atMost(WAIT).forEach(out::add);
        return out;
    }

    private Row one(String sql, Object param) {
        List<Row> rows = rows(sql, param);
        assertEquals(1, rows.size(), sql);
        return rows.get(0);
    }

    private long count(String sql, Object param) {
        return one(sql, param).getLong(0);
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
