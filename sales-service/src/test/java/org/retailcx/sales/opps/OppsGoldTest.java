package org.retailcx.sales.opps;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.retailcx.sales.SalesTestApi.rows;
import static org.retailcx.sales.SalesTestApi.unique;
import static org.retailcx.sales.opps.OppsTestData.batch;
import static org.retailcx.sales.opps.OppsTestData.opportunity;
import static org.retailcx.sales.opps.OppsTestData.put;
import static org.retailcx.sales.opps.OppsTestData.rep;
import static org.retailcx.sales.opps.OppsTestData.row;
import static org.retailcx.sales.opps.OppsTestData.territory;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OppsGoldTest {

    @Inject
    Pool pool;

    @Test
    void aTerritoryOrTeamChangeOpensANewRepVersionAndFactsKeepTheVersionOfTheirCreatedDate() {
        String top = unique("TER");
        String a = unique("TER");
        String b = unique("TER");
        batch("territories", territory(b, a), territory(a, top), territory(top, null));
        String rep = unique("REP");
        put("reps", rep, rep(rep, a, "X").with("effectiveDate", "2026-01-01"));
        long firstKey = row(pool, "select rep_key from gold.dim_sales_rep where rep_id = $1", rep).getLong(0);
        put("reps", rep, rep(rep, b, "X").with("effectiveDate", "2026-07-01"));
        put("reps", rep, rep(rep, b, "X").with("effectiveDate", "2026-08-01").with("name", "Renamed"));
        put("reps", rep, rep(rep, a, "Y").with("effectiveDate", "2026-04-01").with("name", "Renamed")); // late

        List<Row> versions = rows(pool, """
                select rep_key, territory_id, team, valid_from::text, valid_to::text, is_current, name
                from gold.dim_sales_rep where rep_id = $1 order by valid_from""", rep);
        assertEquals(List.of(a + " X 2026-01-01 2026-04-01 false", a + " Y 2026-04-01 2026-07-01 false",
                b + " X 2026-07-01 9999-12-31 true"), versions.stream().map(r -> r.getString(1) + " " + r.getString(2)
                        + " " + r.getString(3) + " " + r.getString(4) + " " + r.getBoolean(5)).toList());
        assertEquals(firstKey, versions.get(0).getLong(0), "surrogate keys survive a rep's recomputation");
        versions.forEach(v -> assertEquals("Renamed", v.getString(6), "name is type 1"));

        given().header("Authorization", TestTokens.bearer("admin")).when()
                .get("/api/v1/sales/reps/" + rep + "/versions").then().statusCode(200)
                .body("team", contains("X", "Y", "X")).body("[2].territoryPath", equalTo(top + "/" + a + "/" + b));
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("territoryId", top)
                .queryParam("limit", 1000).when().get("/api/v1/sales/reps").then().statusCode(200)
                .body("items.repId", hasItem(rep));

        assertEquals(List.of(top), path(top));
        assertEquals(List.of(top, a, b), path(b));
        given().header("Authorization", TestTokens.bearer("sales-rep")).queryParam("territoryId", a)
                .when().get("/api/v1/sales/territories").then().statusCode(200)
                .body("items.territoryId", contains(sortedPair(a, b)))
                .body("items.find { it.territoryId == '" + b + "' }.path", contains(top, a, b));

        String opp = unique("OPP");
        put("opportunities", opp, opportunity(opp, "ACC-G1", rep, "Proposal", 2000).with("probability", 40)
                .with("campaignId", "CMP-" + opp).with("createdDate", "2026-05-10")
                .with("expectedCloseDate", "2026-12-01"));
        Row fact = row(pool, """
                select r.team, t.territory_id, f.created_date_key, f.expected_close_date_key, f.closed_date_key,
                       f.amount::text, f.weighted_amount::text, p.product_code, ls.lead_source, c.campaign_id, s.stage_name
                from gold.fact_sales_opportunities f
                join gold.dim_sales_rep r on r.rep_key = f.rep_key
                join gold.dim_sales_territory t on t.territory_key = f.territory_key
                join gold.dim_product p on p.product_key = f.product_key
                join gold.dim_lead_source ls on ls.lead_source_key = f.lead_source_key
                join gold.dim_campaign c on c.campaign_key = f.campaign_key
                join gold.dim_sales_stage s on s.stage_key = f.stage_key
                where f.opportunity_id = $1""", opp);
        assertEquals("Y", fact.getString(0), "the rep version valid on the created date");
        assertEquals(a, fact.getString(1));
        assertEquals(20260510, fact.getInteger(2));
        assertEquals(20261201, fact.getInteger(3));
        assertEquals(null, fact.getInteger(4));
        assertEquals("2000.00", fact.getString(5));
        assertEquals("800.00", fact.getString(6));
        assertEquals("loan", fact.getString(7));
        assertEquals("Branch", fact.getString(8));
        assertEquals("CMP-" + opp, fact.getString(9));
        assertEquals("Proposal", fact.getString(10));

        given().header("Authorization", TestTokens.bearer("admin")).when()
                .get("/api/v1/sales/opportunities/" + opp).then().statusCode(200)
                .body("stage", equalTo("Proposal")).body("createdDate", equalTo("2026-05-10"))
                .body("history.stageTo", contains("Proposal"));
    }

    @Test
    void repAndTerritoryRulesQuarantineAndATerritoryWaitsForItsAssignedRep() {
        String ter = unique("TER");
        String rep = unique("REP");
        put("territories", ter, territory(ter, null).with("assignedRepId", rep));
        quarantine("territories", ter).body("items.rule", contains("assignedRepId.known"));
        assertEquals(0, rows(pool, "select 1 from gold.dim_sales_territory where territory_id = $1", ter).size());
        String orphan = unique("TER");
        put("territories", orphan, territory(orphan, "TER-nowhere"));
        quarantine("territories", orphan).body("items.rule", contains("parentTerritoryId.known"));

        String p = unique("REP");
        batch("reps", rep(p + "-ter", "TER-nowhere", "X"), rep(p + "-quota", ter, "X").with("quotaAmount", -1),
                rep(p + "-rate", ter, "X").with("commissionRate", 1.5),
                rep(p + "-period", ter, "X").with("quotaPeriod", "Q4"));
        quarantine("reps", p + "-ter").body("items.rule", contains("territoryId.known"));
        quarantine("reps", p + "-quota").body("items.rule", contains("quotaAmount.non-negative"));
        quarantine("reps", p + "-rate").body("items.rule", contains("commissionRate.range"));
        quarantine("reps", p + "-period").body("items.rule", contains("quotaPeriod.format"));
        assertEquals(0, rows(pool, "select 1 from gold.dim_sales_rep where rep_id like $1", p + "-%").size());

        put("reps", rep, rep(rep, ter, "X")); // the assigned rep arrives: the territory no longer waits
        quarantine("territories", ter).body("items", empty());
        assertEquals(rep, row(pool, "select assigned_rep_id from gold.dim_sales_territory where territory_id = $1", ter)
                .getString(0));
    }

    @Test
    void aRebuildGivesIdenticalSilverAndGold() {
        String rep = unique("REP");
        OppsTestData.repIn(rep, unique("TER"), "Team R");
        String opp = unique("OPP");
        batch("opportunities", opportunity(opp, "ACC-R1", rep, "Prospecting", 10).with("updatedAt", "2026-09-01T08:00:00Z"),
                opportunity(opp, "ACC-R1", rep, "Closed Won", 12).with("updatedAt", "2026-09-03T08:00:00Z"));
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("from", "2026-08-30")
                .queryParam("to", "2026-09-04").when().post("/api/v1/sales/pipeline/snapshots").then().statusCode(200);
        List<String> before = fingerprints();
        given().header("Authorization", TestTokens.bearer("admin")).when().post("/api/v1/sales/admin/rebuild").then()
                .statusCode(200).body("rebuilt", hasItem("gold.dim_campaign, gold.fact_sales_opportunities"));
        assertEquals(before, fingerprints());
    }

    private List<String> fingerprints() {
        return List.of(
                "select rep_key, rep_id, employee_id, name, territory_id, team, manager_id, quota_amount, quota_period,"
                        + " commission_rate, commission_plan_id, active, hire_date, valid_from, valid_to, is_current,"
                        + " source_bronze_id from gold.dim_sales_rep",
                "select territory_key, territory_id, name, region, parent_territory_id, path, zip_codes, branches,"
                        + " assigned_rep_id from gold.dim_sales_territory",
                "select campaign_key, campaign_id from gold.dim_campaign",
                "select opportunity_id, account_id, rep_key, territory_key, product_key, lead_source_key, stage_key,"
                        + " campaign_key, created_date_key, expected_close_date_key, closed_date_key, won_date_key, amount,"
                        + " probability, weighted_amount, is_closed, is_won, sales_cycle_days"
                        + " from gold.fact_sales_opportunities",
                "select * from gold.fact_sales_pipeline_daily",
                "select opportunity_id, account_id, lead_id, owner_id, stage, amount, currency, probability,"
                        + " expected_close_date, product_interest, lead_source, campaign_id, competitive_threat,"
                        + " loss_reason, created_date, stage_entered_at, closed_date, won_date, is_closed, is_won,"
                        + " version_count, first_bronze_id, last_bronze_id, last_changed_at"
                        + " from silver.retail_sales_opportunity_golden",
                "select * from silver.retail_sales_opportunity_history",
                "select snapshot_date, opportunity_id, account_id, owner_id, stage, amount, probability, weighted_amount,"
                        + " expected_close_date, product_interest, lead_source, campaign_id"
                        + " from silver.retail_sales_pipeline_snapshot")
                .stream().map(q -> row(pool, "select count(*) || ':' || md5(coalesce(string_agg(x::text, '|' order by"
                        + " x::text), '')) from (" + q + ") x").getString(0))
                .toList();
    }

    private static ValidatableResponse quarantine(String source, String recordId) {
        return given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("source", source).queryParam("recordId", recordId)
                .when().get("/api/v1/sales/quarantine").then().statusCode(200);
    }

    private static String[] sortedPair(String x, String y) {
        return x.compareTo(y) < 0 ? new String[] { x, y } : new String[] { y, x };
    }

    private List<String> path(String territory) {
        return List.of(row(pool, "select path from gold.dim_sales_territory where territory_id = $1", territory)
                .getArrayOfStrings(0));
    }
}
