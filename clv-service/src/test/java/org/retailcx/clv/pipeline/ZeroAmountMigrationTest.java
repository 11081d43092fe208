package org.retailcx.clv.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * V10's data step on a database that the old rule ({@code amount-positive}) had written to: the $0 transactions it
 * quarantined reach silver, unless a later version of the same record replaced them. The state before V10 is made
 * by hand (bronze rows and quarantine entries as the old rule wrote them), then the migration's own statements run.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ZeroAmountMigrationTest {

    private static final String MIGRATION = "db/migration/V10__clv_zero_amount_purchases_and_model_lineage.sql";

    @Inject
    Pool pool;

    @Test
    void zeroAmountTransactionsTheOldRuleQuarantinedReachSilver() throws Exception {
        String customer = "MIG-" + UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        await(pool.withTransaction(tx -> bronze(tx, customer, "FREE-" + customer, "0", batch)
                .chain(id -> quarantine(tx, customer, "FREE-" + customer, id, batch))
                // quarantined at $0, then corrected by a later version that silver holds
                .chain(() -> bronze(tx, customer, "FIXED-" + customer, "0", batch))
                .chain(id -> quarantine(tx, customer, "FIXED-" + customer, id, batch))
                .chain(() -> bronze(tx, customer, "FIXED-" + customer, "5", batch))
                .chain(id -> tx.preparedQuery("""
                        insert into silver.customer_transaction (source_system, source_record_id, customer_id,
                            transaction_date, amount, currency, product, bronze_id)
                        values ('core-banking', $1, $2, date '2025-02-01', 5, 'EUR', 'card', $3)""")
                        .execute(Tuple.of("FIXED-" + customer, customer, id)))
                .replaceWithVoid()));

        List<String> statements = dataStatements();
        await(pool.withTransaction(tx -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String statement : statements) {
                chain = chain.chain(() -> tx.query(statement).execute().replaceWithVoid());
            }
            return chain;
        }));

        given().header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/clv/customers/" + customer + "/transactions").then().statusCode(200)
                .body("sourceRecordId", containsInAnyOrder("FREE-" + customer, "FIXED-" + customer))
                .body("find { it.sourceRecordId == 'FREE-" + customer + "' }.amount", equalTo(0.0f))
                .body("find { it.sourceRecordId == 'FIXED-" + customer + "' }.amount", equalTo(5.0f));
        given().header("Authorization", TestTokens.bearer("data-scientist")).queryParam("customerId", customer)
                .queryParam("includeResolved", true).when().get("/api/v1/clv/quarantine").then().statusCode(200)
                .body("items", hasSize(0));
        assertEquals(1L, await(pool.preparedQuery("select count(*) from silver.customer where customer_id = $1")
                .execute(Tuple.of(customer))).iterator().next().getLong(0));
    }

    private static Uni<Long> bronze(SqlConnection tx, String customer, String record,
            String amount, UUID batch) {
        return tx.preparedQuery("""
                insert into bronze.retail_customer_transactions (source_system, source_record_id, batch_id, payload,
                    customer_id, transaction_date, amount, currency, product)
                values ('core-banking', $1, $2, '{}', $3, date '2025-02-01', $4, 'EUR', 'card')
                returning bronze_id""").execute(Tuple.of(record, batch, customer, new BigDecimal(amount)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Uni<Void> quarantine(SqlConnection tx, String customer, String record,
            long bronzeId, UUID batch) {
        return tx.preparedQuery("""
                insert into silver.data_quality_quarantine (source, source_table, source_record_id, source_system,
                    customer_id, bronze_id, batch_id, rule, field, reason)
                values ('transactions', 'bronze.retail_customer_transactions', $1, 'core-banking', $2, $3, $4,
                    'amount-positive', 'amount', 'amount must be greater than 0, was 0.00')""")
                .execute(Tuple.of(record, customer, bronzeId, batch)).replaceWithVoid();
    }

    /** The migration's statements from its data step on (the column changes before it are applied already). */
    private static List<String> dataStatements() throws Exception {
        try (InputStream in = ZeroAmountMigrationTest.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            assertNotNull(in, MIGRATION);
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String data = sql.substring(sql.indexOf("create temporary table freed_zero_amount"));
            return Arrays.stream(data.split(";\\s*\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }
}
