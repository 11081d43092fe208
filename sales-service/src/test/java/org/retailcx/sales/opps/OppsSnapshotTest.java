package org.retailcx.sales.opps;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailcx.sales.SalesTestApi.rows;
import static org.retailcx.sales.SalesTestApi.unique;
import static org.retailcx.sales.opps.OppsTestData.batch;
import static org.retailcx.sales.opps.OppsTestData.opportunity;
import static org.retailcx.sales.opps.OppsTestData.put;
import static org.retailcx.sales.opps.OppsTestData.repIn;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.sales.pipeline.SnapshotJob;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OppsSnapshotTest {

    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    @Inject
    Pool pool;

    @Inject
    SnapshotJob job;

    @Test
    void aBackfillTakesPastDatesFromTheHistoryAndRetakingReplacesThem() {
        String rep = unique("REP");
        repIn(rep, unique("TER"), unique("TEAM"));
        String s1 = unique("SNAP");
        String s2 = unique("SNAP");
        batch("opportunities",
                opportunity(s1, "ACC-S1", rep, "Prospecting", 1000).with("updatedAt", "2026-06-01T09:00:00Z"),
                opportunity(s1, "ACC-S1", rep, "Proposal", 1000).with("updatedAt", "2026-06-03T09:00:00Z"),
                opportunity(s1, "ACC-S1", rep, "Closed Won", 1000).with("updatedAt", "2026-06-05T09:00:00Z"),
                opportunity(s2, "ACC-S2", rep, "Qualification", 500).with("updatedAt", "2026-06-02T09:00:00Z"));

        backfill("2026-06-01", "2026-06-05");
        backfill("2026-06-01", "2026-06-05");
        assertEquals(sorted(List.of("2026-06-01 " + s1, "2026-06-02 " + s1, "2026-06-02 " + s2, "2026-06-03 " + s1,
                "2026-06-03 " + s2, "2026-06-04 " + s1, "2026-06-04 " + s2, "2026-06-05 " + s2)),
                snapshotRows(s1, s2), "one row per open opportunity and date, also after retaking");

        pipelineAsOf(rep, "2026-06-03")
                .body("stages.count", contains(0, 1, 1, 0))
                .body("stages.amount", contains(0.0, 500.0, 1000.0, 0.0))
                .body("stages.weightedAmount", contains(0.0, 125.0, 500.0, 0.0))
                .body("count", equalTo(2));
        pipelineAsOf(rep, "2026-06-05").body("count", equalTo(1)).body("amount", equalTo(500.0));

        // A late CRM correction of 4 June: retaking the dates picks it up.
        put("opportunities", s2, opportunity(s2, "ACC-S2", rep, "Qualification", 700)
                .with("updatedAt", "2026-06-04T12:00:00Z"));
        backfill("2026-06-04", "2026-06-05");
        pipelineAsOf(rep, "2026-06-03").body("amount", equalTo(1500.0));
        pipelineAsOf(rep, "2026-06-04").body("amount", equalTo(1700.0));
        pipelineAsOf(rep, "2026-06-05").body("amount", equalTo(700.0));
        assertEquals(8, snapshotRows(s1, s2).size());
    }

    @Test
    void theDailyJobSnapshotsYesterdayAndTodayIdempotently() {
        String rep = unique("REP");
        repIn(rep, unique("TER"), unique("TEAM"));
        String id = unique("SNAP");
        put("opportunities", id, opportunity(id, "ACC-S3", rep, "Negotiation", 250));

        assertTrue(job.snapshotRecent().await().atMost(Duration.ofSeconds(60)).isPresent());
        assertTrue(job.snapshotRecent().await().atMost(Duration.ofSeconds(60)).isPresent());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(List.of(today + " " + id), snapshotRows(id, id));
        pipelineAsOf(rep, today.toString()).body("stages.count", contains(0, 0, 0, 1)).body("amount", equalTo(250.0));
    }

    @Test
    void backfillNeedsAnAdminAndAValidRange() {
        given().header("Authorization", TestTokens.bearer("sales-manager")).queryParam("from", "2026-06-01")
                .queryParam("to", "2026-06-02").when().post("/api/v1/sales/pipeline/snapshots").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("from", "2026-06-02")
                .queryParam("to", "2026-06-01").when().post("/api/v1/sales/pipeline/snapshots").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    private static void backfill(String from, String to) {
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("from", from).queryParam("to", to)
                .when().post("/api/v1/sales/pipeline/snapshots").then().statusCode(200)
                .body("from", equalTo(from)).body("to", equalTo(to));
    }

    private List<String> snapshotRows(String a, String b) {
        return rows(pool, "select snapshot_date::text || ' ' || opportunity_id from silver.retail_sales_pipeline_snapshot"
                + " where opportunity_id in ($1, $2)", a, b).stream().map(r -> r.getString(0)).sorted().toList();
    }

    private static ValidatableResponse pipelineAsOf(String rep, String asOf) {
        return given().config(DECIMALS).header("Authorization", TestTokens.bearer("admin"))
                .queryParam("repId", rep).queryParam("asOf", asOf)
                .when().get("/api/v1/sales/metrics/pipeline").then().statusCode(200).body("asOf", equalTo(asOf));
    }
}
