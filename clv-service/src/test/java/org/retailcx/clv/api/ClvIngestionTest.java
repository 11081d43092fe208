package org.retailcx.clv.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Bulk ingestion: all-or-nothing batches, 400 naming the field, idempotency keys, quarantine with reasons. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ClvIngestionTest {

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    private static byte[] ndjson(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String transaction(String id, String customer, String date, String amount) {
        return """
                {"transactionId":"%s","customerId":"%s","transactionDate":"%s","amount":%s,"currency":"EUR","product":"card"}"""
                .formatted(id, customer, date, amount);
    }

    @Test
    void aValidBatchLandsInBronzeAndSilver() {
        String customer = "CUST-" + UUID.randomUUID();
        as("service").contentType("application/x-ndjson").header("X-Source-System", "core-banking-eu")
                .body(ndjson(transaction("T1-" + customer, customer, "2025-03-01", "120.50"),
                        transaction("T2-" + customer, customer, "2025-03-09", "80")))
                .when().post("/api/v1/clv/transactions/batch")
                .then().statusCode(200).body("records", equalTo(2)).body("accepted", equalTo(2))
                .body("quarantined", equalTo(0));
        as("marketing").when().get("/api/v1/clv/customers/" + customer + "/transactions")
                .then().statusCode(200).body("$", hasSize(2))
                .body("sourceSystem", containsInAnyOrder("core-banking-eu", "core-banking-eu"))
                .body("[0].amount", equalTo(120.5f));
    }

    @Test
    void aTransactionRepeatedInABatchIsListedOnceWithItsLatestVersion() {
        String customer = "CUST-" + UUID.randomUUID();
        as("service").contentType("application/x-ndjson")
                .body(ndjson(transaction("T1-" + customer, customer, "2025-05-01", "10"),
                        transaction("T1-" + customer, customer, "2025-05-01", "12.5"),
                        transaction("T2-" + customer, customer, "2025-05-03", "-2")))
                .when().post("/api/v1/clv/transactions/batch")
                .then().statusCode(200).body("records", equalTo(3)).body("quarantined", equalTo(1));
        as("marketing").when().get("/api/v1/clv/customers/" + customer + "/transactions")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].sourceRecordId", equalTo("T1-" + customer))
                .body("[0].amount", equalTo(12.5f));
    }

    @Test
    void aBadRecordRejectsTheWholeBatchNamingEachField() {
        String customer = "CUST-" + UUID.randomUUID();
        as("service").contentType("application/x-ndjson")
                .body(ndjson(transaction("T1-" + customer, customer, "2025-03-01", "10"),
                        transaction("T2-" + customer, customer, "2025-03-02", "\"lots\""),
                        """
                        {"transactionId":"T3","transactionDate":"2025-13-01","amount":5,"currency":"eur"}"""))
                .when().post("/api/v1/clv/transactions/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("[1].amount", "[2].transactionDate"));
        as("service").contentType("application/json")
                .body("[{\"transactionId\":\"T9\",\"transactionDate\":\"2025-01-01\",\"amount\":5,\"currency\":\"eur\"}]")
                .when().post("/api/v1/clv/transactions/batch")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("[0].customerId", "[0].currency"));
        as("marketing").when().get("/api/v1/clv/customers/" + customer + "/transactions")
                .then().statusCode(200).body("$", hasSize(0));
        as("marketing").contentType("application/x-ndjson")
                .body(ndjson(transaction("T1-" + customer, customer, "2025-03-01", "10")))
                .when().post("/api/v1/clv/transactions/batch").then().statusCode(403);
        given().contentType("application/x-ndjson").body(ndjson(transaction("T1", customer, "2025-03-01", "10")))
                .when().post("/api/v1/clv/transactions/batch").then().statusCode(401);
    }

    @Test
    void negativeAndFutureTransactionsAreQuarantinedWithTheirReasonAndAZeroAmountIsAPurchase() {
        String customer = "CUST-" + UUID.randomUUID();
        String future = LocalDate.now().plusDays(10).toString();
        as("service").contentType("application/x-ndjson")
                .body(ndjson(transaction("OK-" + customer, customer, "2025-03-01", "10"),
                        transaction("ZERO-" + customer, customer, "2025-03-02", "0"),
                        transaction("NEG-" + customer, customer, "2025-03-03", "-4.5"),
                        transaction("FUT-" + customer, customer, future, "7"),
                        transaction("NEG2-" + customer, customer, "2025-03-04", "-1")))
                .when().post("/api/v1/clv/transactions/batch")
                .then().statusCode(200).body("accepted", equalTo(2)).body("quarantined", equalTo(3));
        as("cx-analyst").queryParam("customerId", customer).when().get("/api/v1/clv/quarantine")
                .then().statusCode(200).body("items", hasSize(3))
                .body("items.sourceRecordId", containsInAnyOrder("NEG-" + customer, "NEG2-" + customer,
                        "FUT-" + customer))
                .body("items.rule", containsInAnyOrder("amount-non-negative", "amount-non-negative",
                        "date-not-in-future"))
                .body("items.field", containsInAnyOrder("amount", "amount", "transactionDate"))
                .body("items.reason", containsInAnyOrder("amount must not be negative, was -4.50",
                        "amount must not be negative, was -1.00", "transactionDate " + future + " is in the future"))
                .body("items[0].sourceTable", equalTo("bronze.retail_customer_transactions"))
                .body("nextCursor", nullValue());
        // the zero-amount order is a valid transaction: silver lists it
        as("marketing").when().get("/api/v1/clv/customers/" + customer + "/transactions")
                .then().statusCode(200).body("sourceRecordId", containsInAnyOrder("OK-" + customer,
                        "ZERO-" + customer)).body("find { it.sourceRecordId == 'ZERO-" + customer + "' }.amount",
                        equalTo(0.0f));
        // quarantine pages with a cursor
        String next = as("data-scientist").queryParam("customerId", customer).queryParam("limit", 2)
                .when().get("/api/v1/clv/quarantine").then().statusCode(200).body("items", hasSize(2))
                .extract().jsonPath().getString("nextCursor");
        as("data-scientist").queryParam("customerId", customer).queryParam("limit", 2).queryParam("cursor", next)
                .when().get("/api/v1/clv/quarantine").then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", nullValue());
        as("marketing").when().get("/api/v1/clv/quarantine").then().statusCode(403);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstResponseAndWritesOnce() {
        String customer = "CUST-" + UUID.randomUUID();
        byte[] body = ndjson(transaction("T1-" + customer, customer, "2025-04-01", "33"));
        String key = "load-" + customer;
        String batchId = as("service").contentType("application/x-ndjson").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/clv/transactions/batch").then().statusCode(200)
                .extract().jsonPath().getString("batchId");
        as("service").contentType("application/x-ndjson").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/clv/transactions/batch").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("batchId", equalTo(batchId));
        as("service").contentType("application/x-ndjson").header("Idempotency-Key", key)
                .body(ndjson(transaction("T2-" + customer, customer, "2025-04-02", "1")))
                .when().post("/api/v1/clv/transactions/batch").then().statusCode(422);
        as("marketing").when().get("/api/v1/clv/customers/" + customer + "/transactions")
                .then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void profitabilityRowsOfUnknownCustomersOrInconsistentAmountsAreQuarantined() {
        String known = "CUST-" + UUID.randomUUID();
        String unknown = "CUST-" + UUID.randomUUID();
        as("service").contentType("application/json")
                .body("[{\"customerId\":\"" + known + "\",\"segment\":\"affluent\",\"acquisitionChannel\":\"branch\"}]")
                .when().post("/api/v1/clv/customers/batch").then().statusCode(200).body("accepted", equalTo(1));
        as("service").contentType("application/x-ndjson")
                .body(ndjson("""
                        {"customerId":"%s","asOfDate":"2025-01-31","revenueAmount":100,"costAmount":40,"profitAmount":60,"currency":"EUR",
                         "revenueBreakdown":{"deposits":20,"loans":50,"cards":10,"fees":15,"wealth":5},
                         "costBreakdown":{"acquisition":25,"servicing":10,"fraud":3,"chargeOffs":2}}""".replace("\n", "")
                        .formatted(known),
                        """
                        {"customerId":"%s","asOfDate":"2025-01-31","revenueAmount":100,"costAmount":40}""".formatted(unknown),
                        """
                        {"customerId":"%s","asOfDate":"2025-02-28","revenueAmount":100,"costAmount":40,"profitAmount":70}"""
                                .formatted(known)))
                .when().post("/api/v1/clv/profitability/batch")
                .then().statusCode(200).body("records", equalTo(3)).body("accepted", equalTo(1))
                .body("quarantined", equalTo(2));
        as("data-scientist").queryParam("customerId", unknown).when().get("/api/v1/clv/quarantine")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].rule", equalTo("known-customer"))
                .body("items[0].reason", equalTo("customerId " + unknown + " is not a known customer"))
                .body("items[0].sourceTable", equalTo("bronze.retail_customer_profitability"));
        as("data-scientist").queryParam("customerId", known).when().get("/api/v1/clv/quarantine")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].rule", equalTo("profit-equals-revenue-minus-cost"));
        as("marketing").queryParam("segment", "affluent").when().get("/api/v1/clv/profitability/ranking")
                .then().statusCode(200).body("items.customerId", org.hamcrest.Matchers.hasItem(known));
        as("service").contentType("application/x-ndjson")
                .body(ndjson("{\"customerId\":\"" + known + "\",\"asOfDate\":\"2025-01-31\",\"costAmount\":1}"))
                .when().post("/api/v1/clv/profitability/batch")
                .then().statusCode(400).body("errors[0].field", equalTo("[0].revenueAmount"));
    }
}
