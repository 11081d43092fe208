package org.retailcx.sales.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.retailcx.sales.SalesTestApi;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The accepted calendar (1900-01-01 .. 2199-12-31 by default): a date at either edge is a date like any other, all
 * the way to gold's date keys; one beyond, or one no database can hold, is a 400 naming the field and nothing is
 * written. A lead created on 1900-01-01 used to fail its date-key lookup in gold (a 500).
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class DateRangeTest {

    @Inject
    Pool pool;

    @Test
    void leadsAtTheEdgesOfTheAcceptedRangeReachGold() {
        String early = SalesTestApi.unique("LEAD-1900");
        String late = SalesTestApi.unique("LEAD-2199");
        awaitPromoted(SalesTestApi.putRecord("leads", early, lead(early, "1900-01-01", "1900-01-01")));
        awaitPromoted(SalesTestApi.putRecord("leads", late, lead(late, "2199-12-31", "1950-06-30")));
        var keys = SalesTestApi.rows(pool, """
                select f.lead_created_date_key from gold.fact_sales_conversions f
                join silver.retail_sales_lead_crosswalk c on c.golden_lead_id = f.golden_lead_id
                where c.source_lead_id = any($1) order by f.lead_created_date_key""", (Object) new String[] { early, late });
        assertEquals(List.of(19000101, 21991231), keys.stream().map(r -> r.getInteger(0)).toList());
    }

    @Test
    void datesBeyondTheRangeOrTheCalendarAre400NamingTheFieldAndWriteNothing() {
        String id = SalesTestApi.unique("LEAD-OLD");
        SalesTestApi.putRecord("leads", id, lead(id, "1899-12-31", null)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("createdDate"))
                .body("errors[0].message", equalTo("must lie between 1900-01-01 and 2199-12-31"));
        for (String date : List.of("0000-01-01", "-999999999-01-01", "+999999999-12-31", "2200-01-01")) {
            SalesTestApi.putRecord("leads", id, lead(id, "2026-01-05", date)).statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("dateOfBirth"));
        }
        String opp = SalesTestApi.unique("OPP-FAR");
        for (String at : List.of("+999999999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                "2199-12-31T23:00:00-05:00")) {
            SalesTestApi.postBatch("opportunities", List.of(SalesTestApi.toJson(SalesTestApi.fields("opportunityId", opp,
                    "accountId", "ACC-1", "stage", "Prospecting", "updatedAt", at)))).statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("[0].updatedAt"))
                    .body("detail", containsString("updatedAt"));
        }
        assertEquals(0, SalesTestApi.rows(pool, "select 1 from bronze.retail_sales_leads where source_record_id = $1",
                id).size());
        assertEquals(0, SalesTestApi.rows(pool,
                "select 1 from bronze.retail_sales_opportunities where source_record_id = $1", opp).size());
    }

    /** A write answers 200 once promoted, 202 when promotion takes longer than the wait (a loaded machine). */
    private static void awaitPromoted(ValidatableResponse written) {
        String batchId = written.statusCode(anyOf(is(200), is(202))).extract().path("batchId");
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"accepted".equals(receipt(batchId).getString("status")));
        assertEquals("promoted", receipt(batchId).getString("status"));
        assertEquals(0, receipt(batchId).getInt("quarantined"));
    }

    private static JsonPath receipt(String batchId) {
        return given().header("Authorization", TestTokens.bearer("admin")).when()
                .get("/api/v1/sales/batches/" + batchId).then().statusCode(200).extract().jsonPath();
    }

    private static String lead(String id, String createdDate, String dateOfBirth) {
        return SalesTestApi.toJson(SalesTestApi.fields("leadId", id, "firstName", "Ada", "lastName", "Byron",
                "email", id.toLowerCase() + "@example.com", "source", "Branch", "createdDate", createdDate,
                "dateOfBirth", dateOfBirth));
    }
}
