package org.retailcx.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.retailcx.testing.TestInfrastructure;
import org.retailcx.testing.TestTokens;

import io.restassured.http.ContentType;

/**
 * The suite's first cross-domain join, end to end: sales-service and clv-service run as separate processes with
 * separate databases; a deal won in sales reaches clv as a customer transaction, through the outbox, the real
 * broker and clv's inbox.
 */
class ClosedWonReachesClvIT {

    private static ServiceProcess sales;
    private static ServiceProcess clv;

    @BeforeAll
    static void startServices() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        Path key = infra.publicKeyFile();
        String topicPrefix = infra.freshTopicPrefix() + UUID.randomUUID().toString().substring(0, 8) + ".";
        sales = ServiceProcess.start("sales-service", topicPrefix, key);
        clv = ServiceProcess.start("clv-service", topicPrefix, key);
    }

    @AfterAll
    static void stopServices() {
        if (clv != null) {
            clv.close();
        }
        if (sales != null) {
            sales.close();
        }
    }

    @Test
    void aDealWonInSalesBecomesACustomerTransactionInClv() {
        String opportunity = "OPP-" + UUID.randomUUID();
        String customer = "CUST-" + UUID.randomUUID();
        // Sales accepts a deal only from a known rep (else it is quarantined), so the org comes first.
        put("/api/v1/sales/territories/TER-1", "{\"territoryId\":\"TER-1\",\"name\":\"North\"}");
        put("/api/v1/sales/reps/REP-1", "{\"repId\":\"REP-1\",\"territoryId\":\"TER-1\",\"team\":\"Retail\"}");
        String won = """
                {"opportunityId":"%s","accountId":"%s","ownerId":"REP-1","stage":"Closed Won","amount":4200.00,
                 "currency":"EUR","expectedCloseDate":"2025-06-30","productInterest":"investment",
                 "updatedAt":"2025-06-15T10:00:00Z"}"""
                .formatted(opportunity, customer);
        for (int attempt = 0; attempt < 2; attempt++) { // a CRM re-sync of the same won deal
            put("/api/v1/sales/opportunities/" + opportunity, won);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> transactions(customer).extract().jsonPath().getList("$").size() > 0);
        transactions(customer)
                .body("$", hasSize(1))
                .body("[0].sourceRecordId", equalTo(opportunity))
                .body("[0].amount", equalTo(4200.0f))
                .body("[0].product", equalTo("investment"))
                .body("[0].transactionDate", equalTo("2025-06-15")); // the day it was won
    }

    private static void put(String path, String json) {
        given().baseUri(sales.baseUrl()).header("Authorization", TestTokens.bearer("service"))
                .contentType(ContentType.JSON).body(json).when().put(path).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse transactions(String customer) {
        return given().baseUri(clv.baseUrl()).header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/clv/customers/" + customer + "/transactions").then().statusCode(200);
    }
}
