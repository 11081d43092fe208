package org.retailcx.sales.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailcx.sales.SalesTestApi.fields;
import static org.retailcx.sales.SalesTestApi.rows;
import static org.retailcx.sales.SalesTestApi.toJson;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Who sees and writes what, on the real database: a rep's own book, a manager's team, PII per role with consent,
 * master data and finance feeds closed to reps and managers, and the caller recorded with writes and admin actions.
 * One organisation per test (ids carry a suffix): manager M leads reps A and B (team T); rep C is in another team.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class RowLevelAccessTest {

    @Inject
    Pool pool;

    // one organisation for the class: each write waits for its promotion, which takes a while on a loaded machine
    private static String u;
    private static String repA;
    private static String repB;
    private static String repC;
    private static String manager;

    @BeforeEach
    void organisation() {
        if (u != null) {
            return;
        }
        u = UUID.randomUUID().toString().substring(0, 8);
        repA = "REPA-" + u;
        repB = "REPB-" + u;
        repC = "REPC-" + u;
        manager = "MGR-" + u;
        String territory = "TER-" + u;
        promoted(service(), "territories", territory, toJson(fields("territoryId", territory, "name", "North " + u)));
        rep(manager, "T-" + u, null);
        rep(repA, "T-" + u, manager);
        rep(repB, "T-" + u, manager);
        rep(repC, "Other-" + u, "MGR-OTHER-" + u);
        promoted(service(), "opportunities", opp(repA), opportunity(opp(repA), repA, "Closed Won"));
        promoted(service(), "opportunities", opp(repB), opportunity(opp(repB), repB, "Closed Won"));
        promoted(service(), "opportunities", opp(repC), opportunity(opp(repC), repC, "Closed Won"));
        promoted(service(), "leads", lead(repA), lead(lead(repA), repA, "Anna", true));
        promoted(service(), "leads", lead(repB), lead(lead(repB), repB, "Bert", false));
        promoted(service(), "leads", lead(repC), lead(lead(repC), repC, "Cleo", true));
        for (String rep : List.of(repA, repC)) {
            promoted(service(), "commissions/reported", "COM-" + rep, toJson(fields("commissionId", "COM-" + rep,
                    "repId", rep, "opportunityId", opp(rep), "commissionType", "New Account", "amount", 100,
                    "currency", "EUR", "period", "2026-05", "paid", true)));
        }
    }

    @Test
    void aRepSeesOnlyTheirOwnBookAndAnotherRepsRecordIsNotFound() {
        String a = TestTokens.bearerFor(repA, "sales-rep");
        read(a, "/api/v1/sales/opportunities/" + opp(repA)).statusCode(200).body("ownerId", equalTo(repA));
        read(a, "/api/v1/sales/opportunities/" + opp(repB)).statusCode(404)
                .contentType("application/problem+json");
        read(a, "/api/v1/sales/opportunities/" + opp(repA) + "/history").statusCode(200);
        read(a, "/api/v1/sales/opportunities/" + opp(repB) + "/history").statusCode(404);
        read(a, "/api/v1/sales/leads/" + lead(repB) + "/golden").statusCode(404);
        read(a, "/api/v1/sales/leads/golden?limit=1000").statusCode(200)
                .body("items.assignedSalesRep", everyItem(equalTo(repA)))
                .body("items.email", hasItem("anna." + u + "@example.com"));
        read(a, "/api/v1/sales/reps?limit=1000").statusCode(200).body("items.repId", equalTo(List.of(repA)));
        read(a, "/api/v1/sales/reps/" + repB + "/versions").statusCode(404);

        // metrics are the rep's own figures; another rep's are refused, naming the filter
        read(a, "/api/v1/sales/metrics/win-rate").statusCode(200).body("won", equalTo(1));
        read(a, "/api/v1/sales/metrics/win-rate?repId=" + repB).statusCode(403)
                .contentType("application/problem+json").body("errors[0].field", equalTo("repId"));
        read(a, "/api/v1/sales/metrics/commissions?period=2026").statusCode(200)
                .body("reps.repId", equalTo(List.of(repA)));
        read(TestTokens.bearer("admin"), "/api/v1/sales/metrics/commissions?period=2026").statusCode(200)
                .body("reps.repId", hasItem(repC));
        // organisation-wide figures are not a rep's
        read(a, "/api/v1/sales/metrics/cac?period=2026").statusCode(403);

        // a rep token that names no rep sees no row at all
        String nobody = TestTokens.bearer("sales-rep");
        read(nobody, "/api/v1/sales/leads/golden?limit=1000").statusCode(200).body("items", empty());
        read(nobody, "/api/v1/sales/metrics/win-rate").statusCode(200).body("won", equalTo(0));
    }

    @Test
    void aManagerSeesTheirTeamOnly() {
        String m = TestTokens.bearerFor(manager, "sales-manager");
        read(m, "/api/v1/sales/opportunities/" + opp(repB)).statusCode(200);
        read(m, "/api/v1/sales/opportunities/" + opp(repC)).statusCode(404);
        read(m, "/api/v1/sales/metrics/win-rate").statusCode(200).body("won", equalTo(2));
        read(m, "/api/v1/sales/leads/golden?limit=1000").statusCode(200)
                .body("items.assignedSalesRep", everyItem(in(List.of(repA, repB))))
                .body("items.assignedSalesRep", hasItem(repB));
        read(m, "/api/v1/sales/reps?limit=1000").statusCode(200)
                .body("items.repId", equalTo(List.of(manager, repA, repB)));
        read(m, "/api/v1/sales/commissions/reconciliation?limit=1000").statusCode(200)
                .body("items.repId", everyItem(in(List.of(manager, repA, repB))))
                .body("items.repId", hasItem(repA));
        read(TestTokens.bearer("admin"), "/api/v1/sales/metrics/win-rate?team=T-" + u).statusCode(200)
                .body("won", equalTo(2));

        // the generic history endpoint follows the same team; a rep outside it is refused by name in every metric
        read(m, "/api/v1/sales/opportunities/" + opp(repB) + "/history").statusCode(200);
        read(m, "/api/v1/sales/opportunities/" + opp(repC) + "/history").statusCode(404)
                .contentType("application/problem+json");
        read(m, "/api/v1/sales/leads/" + lead(repC) + "/history").statusCode(404);
        read(m, "/api/v1/sales/metrics/win-rate?repId=" + repB).statusCode(200).body("won", equalTo(1));
        for (String metric : List.of("win-rate", "pipeline", "lead-conversion", "activities",
                "commissions?period=2026&")) {
            String sep = metric.contains("?") ? "" : "?";
            var refused = read(m, "/api/v1/sales/metrics/" + metric + sep + "repId=" + repC).extract();
            assertEquals(403, refused.statusCode(), metric + ": " + refused.asString());
            assertEquals("repId", refused.jsonPath().getString("errors[0].field"), metric);
        }
    }

    @Test
    void aRepWritesOnlyTheirOwnBookAndNeverMasterDataOrFinanceFeeds() {
        String a = TestTokens.bearerFor(repA, "sales-rep");
        String stolen = "OPP-NEW-" + u;
        write(a, "opportunities", stolen, opportunity(stolen, repB, "Proposal")).statusCode(403)
                .contentType("application/problem+json").body("errors[0].field", equalTo("ownerId"));
        // taking over another rep's deal and closing it as won: refused, the deal stays theirs and open
        write(a, "opportunities", opp(repC), opportunity(opp(repC), repA, "Closed Won")).statusCode(403)
                .body("errors[0].field", equalTo("ownerId"));
        assertEquals(1, rows(pool, "select 1 from bronze.retail_sales_opportunities where opportunity_id = $1",
                opp(repC)).size(), "nothing of the refused write reached bronze");
        assertEquals(0, rows(pool, "select 1 from bronze.retail_sales_opportunities where opportunity_id = $1",
                stolen).size());

        String own = "OPP-OWN-" + u;
        promoted(a, "opportunities", own, opportunity(own, repA, "Proposal"));
        promoted(a, "quotes", "Q-" + u, quote("Q-" + u, own));
        write(a, "quotes", "QB-" + u, quote("QB-" + u, opp(repB))).statusCode(403)
                .body("errors[0].field", equalTo("opportunityId"));
        write(a, "activities", "ACT-" + u, toJson(fields("activityId", "ACT-" + u, "activityType", "Call",
                "opportunityId", own, "completedBy", repB, "completedDate", "2026-05-02T10:00:00Z"))).statusCode(403)
                .body("errors[0].field", equalTo("completedBy"));

        // quota and commission rate, reported commissions, costs, territories, plans: not a rep's nor a manager's
        String m = TestTokens.bearerFor(manager, "sales-manager");
        for (String token : List.of(a, m)) {
            write(token, "reps", repA, toJson(fields("repId", repA, "territoryId", "TER-" + u, "team", "T-" + u,
                    "quotaAmount", 1, "commissionRate", 0.5))).statusCode(403);
            write(token, "commissions/reported", "COM-X-" + u, toJson(fields("commissionId", "COM-X-" + u, "repId",
                    repA, "commissionType", "New Account", "amount", 9999, "period", "2026-05"))).statusCode(403);
            write(token, "costs", "COST-" + u, toJson(fields("costId", "COST-" + u, "period", "2026-05",
                    "costCategory", "sales", "amount", 1))).statusCode(403);
            write(token, "territories", "TER-" + u, toJson(fields("territoryId", "TER-" + u, "name", "x")))
                    .statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON).body("{}")
                    .when().put("/api/v1/sales/commission-plans/PLAN-" + u).then().statusCode(403);
        }

        // the bronze batch of an accepted write names its caller
        Row batch = rows(pool, """
                select i.received_by, i.received_roles from bronze.retail_sales_opportunities b
                join platform.ingestion_batches i on i.batch_id = b.batch_id where b.opportunity_id = $1""", own)
                .get(0);
        assertEquals(repA, batch.getString(0));
        assertEquals(List.of("sales-rep"), List.of(batch.getArrayOfStrings(1)));
    }

    @Test
    void personalDataIsMaskedPerRoleAndMarketingSeesContactsOnlyWithConsent() {
        String withConsent = lead(repA);
        String without = lead(repB);
        String admin = TestTokens.bearer("admin");
        read(admin, golden(without)).statusCode(200).body("email", equalTo("bert." + u + "@example.com"))
                .body("dateOfBirth", equalTo(birthDate("Bert"))).body("contactConsent", equalTo(false));

        String marketing = TestTokens.bearer("marketing");
        read(marketing, golden(withConsent)).statusCode(200).body("email", equalTo("anna." + u + "@example.com"))
                .body("phone", equalTo(phone("Anna"))).body("lastName", equalTo(lastName("Anna")))
                .body("postalCode", equalTo("10115")).body("dateOfBirth", nullValue())
                .body("contactConsent", equalTo(true));
        read(marketing, golden(without)).statusCode(200).body("email", nullValue()).body("phone", nullValue())
                .body("firstName", nullValue()).body("postalCode", nullValue()).body("dateOfBirth", nullValue())
                .body("assignedSalesRep", equalTo(repB));

        String scientist = TestTokens.bearer("data-scientist");
        String pseudonym = read(scientist, golden(withConsent)).statusCode(200).body("email", startsWith("psn_"))
                .body("phone", startsWith("psn_")).body("firstName", nullValue()).body("dateOfBirth", nullValue())
                .body("postalCode", nullValue()).extract().path("email");
        assertEquals(pseudonym, read(scientist, golden(withConsent)).extract().path("email"), "stable");
        assertNotEquals(pseudonym, read(scientist, golden(without)).extract().path("email"));
        assertFalse(pseudonym.contains(u), "the pseudonym does not carry the address");
        // bronze as received is masked the same way
        read(scientist, "/api/v1/sales/leads/" + withConsent + "/history").statusCode(200)
                .body("[0].record.email", equalTo(pseudonym)).body("[0].record.dateOfBirth", nullValue())
                .body("[0].record.lastName", nullValue()).body("[0].record.contactConsent", equalTo(true));
        read(scientist, "/api/v1/sales/leads/golden?limit=1000").statusCode(200)
                .body("items.email", not(hasItem("anna." + u + "@example.com")));

        // consent withdrawn: the most recent statement wins
        promoted(service(), "leads", withConsent, lead(withConsent, repA, "Anna", false));
        read(marketing, golden(withConsent)).statusCode(200).body("email", nullValue())
                .body("contactConsent", equalTo(false));
    }

    @Test
    void adminActionsRecordTheirCaller() {
        String plan = "PLAN-" + u;
        given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON)
                .body(toJson(Map.of("name", "Plan " + u, "quotaPeriod", "quarter", "clawbackWindowDays", 90,
                        "rates", Map.of("New Account", 0.05, "Cross-Sell", 0.03, "Referral", 0.02))))
                .when().put("/api/v1/sales/commission-plans/" + plan).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("from", "2026-05-01")
                .queryParam("to", "2026-05-01").when().post("/api/v1/sales/pipeline/snapshots").then()
                .statusCode(200);
        Row put = rows(pool, "select acted_by, acted_roles, acted_at, detail->>'effectiveFrom' from"
                + " platform.admin_actions where action = 'commission-plan.put' and target = $1", plan).get(0);
        assertEquals("test-user", put.getString(0));
        assertEquals(List.of("admin"), List.of(put.getArrayOfStrings(1)));
        assertTrue(put.getOffsetDateTime(2) != null);
        assertEquals("2000-01-01", put.getString(3));
        assertTrue(rows(pool, "select 1 from platform.admin_actions where action = 'pipeline-snapshots.backfill'"
                + " and target = '2026-05-01..2026-05-01' and acted_by = 'test-user'").size() >= 1);
    }

    private void rep(String id, String team, String managerId) {
        promoted(service(), "reps", id, toJson(fields("repId", id, "name", "Rep " + id, "territoryId", "TER-" + u,
                "team", team, "managerId", managerId, "quotaAmount", 10000, "quotaPeriod", "2026-Q2",
                "commissionRate", 0.05, "active", true, "effectiveDate", "2026-01-01")));
    }

    private String opp(String rep) {
        return "OPP-" + rep;
    }

    private String lead(String rep) {
        return "LEAD-" + rep;
    }

    private static String golden(String leadId) {
        return "/api/v1/sales/leads/" + leadId + "/golden";
    }

    private static String opportunity(String id, String owner, String stage) {
        return toJson(fields("opportunityId", id, "accountId", "ACC-" + id, "ownerId", owner, "stage", stage,
                "amount", 5000, "currency", "EUR", "productInterest", "loan", "leadSource", "Branch",
                "createdDate", "2026-05-01", "expectedCloseDate", "2026-06-30"));
    }

    /** Anna, Bert and Cleo: three people, no match key in common (e-mail, phone, last name + birth date). */
    private String lead(String id, String rep, String firstName, boolean consent) {
        return toJson(fields("leadId", id, "firstName", firstName, "lastName", lastName(firstName),
                "email", firstName.toLowerCase() + "." + u + "@example.com", "phone", phone(firstName),
                "dateOfBirth", birthDate(firstName), "postalCode", "10115", "contactConsent", consent,
                "source", "Branch", "productInterest", "loan", "qualificationStatus", "New",
                "assignedSalesRep", rep, "createdDate", "2026-05-01"));
    }

    private String lastName(String firstName) {
        return "Lead" + firstName + u;
    }

    private String phone(String firstName) {
        return "030 " + Math.floorMod(u.hashCode(), 1_000_000) + (int) firstName.charAt(0);
    }

    private static String birthDate(String firstName) {
        return "1980-04-" + (10 + firstName.charAt(0) - 'A');
    }

    private static String quote(String id, String opportunity) {
        return toJson(fields("quoteId", id, "opportunityId", opportunity, "product", "loan", "quotedAmount", 5000,
                "currency", "EUR", "status", "Draft", "issuedDate", "2026-05-02"));
    }

    private static ValidatableResponse read(String token, String path) {
        return given().header("Authorization", token).when().get(path).then();
    }

    /**
     * An accepted write, awaited until silver and gold hold it: answered at once (respond-async), then the batch
     * receipt polled with a generous deadline, as the shared 2-core machine can take longer than a write's own wait.
     */
    private static String service() {
        return TestTokens.bearer("service");
    }

    private static void promoted(String token, String source, String id, String json) {
        String batch = given().header("Authorization", token).header("Prefer", "respond-async")
                .contentType(ContentType.JSON).body(json).when().put("/api/v1/sales/" + source + "/" + id).then()
                .statusCode(202).extract().path("batchId");
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> "promoted".equals(given().header("Authorization", TestTokens.bearer("admin"))
                        .when().get("/api/v1/sales/batches/" + batch).then().statusCode(200).extract()
                        .path("status")));
    }

    private static ValidatableResponse write(String token, String source, String id, String json) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(json)
                .when().put("/api/v1/sales/" + source + "/" + id).then();
    }
}
