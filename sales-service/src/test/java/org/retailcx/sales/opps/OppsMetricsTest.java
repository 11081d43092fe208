package org.retailcx.sales.opps;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.retailcx.sales.SalesTestApi.unique;
import static org.retailcx.sales.opps.OppsTestData.batch;
import static org.retailcx.sales.opps.OppsTestData.opportunity;
import static org.retailcx.sales.opps.OppsTestData.put;
import static org.retailcx.sales.opps.OppsTestData.rep;
import static org.retailcx.sales.opps.OppsTestData.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailcx.sales.opps.OppsTestData.Rec;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;

/**
 * Every pipeline metric on a small hand-computed organisation: a team with a root territory and a sub-territory,
 * two reps, six deals in October 2026, and a separate rep whose deals move through March 2026 for the waterfall.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OppsMetricsTest {

    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private static String team;
    private static String root;
    private static String child;
    private static String r1;
    private static String r2;
    private static String r3;

    @BeforeEach
    void organisation() {
        if (team != null) {
            return;
        }
        team = unique("TEAM");
        root = unique("TER");
        child = unique("TER");
        r1 = unique("REP");
        r2 = unique("REP");
        r3 = unique("REP");
        batch("territories", territory(root, null), territory(child, root));
        batch("reps", rep(r1, child, team),
                rep(r2, root, team).with("quotaAmount", 20000).with("quotaPeriod", "2026-10"),
                rep(r3, root, unique("TEAM")));

        List<Rec> versions = new ArrayList<>();
        String o1 = unique("OPP");
        versions.add(at(opportunity(o1, "ACC-M1", r1, "Prospecting", 1000), "2026-10-01"));
        versions.add(at(opportunity(o1, "ACC-M1", r1, "Qualification", 1000), "2026-10-03"));
        versions.add(at(opportunity(o1, "ACC-M1", r1, "Closed Won", 1000), "2026-10-11"));
        String o2 = unique("OPP");
        versions.add(at(opportunity(o2, "ACC-M2", r1, "Prospecting", 4000).with("productInterest", "card")
                .with("leadSource", "Web Form"), "2026-10-02"));
        versions.add(at(opportunity(o2, "ACC-M2", r1, "Closed Lost", 4000).with("productInterest", "card")
                .with("leadSource", "Web Form").with("lossReason", "Price"), "2026-10-12"));
        String o3 = unique("OPP");
        versions.add(at(opportunity(o3, "ACC-M3", r2, "Qualification", 3000), "2026-10-05"));
        versions.add(at(opportunity(o3, "ACC-M3", r2, "Proposal", 3000), "2026-10-07"));
        versions.add(at(opportunity(o3, "ACC-M3", r2, "Closed Won", 3000), "2026-10-25"));
        String o4 = unique("OPP");
        versions.add(at(opportunity(o4, "ACC-M4", r2, "Negotiation", 4000).with("productInterest", "savings")
                .with("probability", 60).with("expectedCloseDate", "2026-11-30"), "2026-10-10"));
        String o5 = unique("OPP");
        versions.add(at(opportunity(o5, "ACC-M5", r1, "Proposal", 500).with("productInterest", "investment")
                .with("leadSource", "Event").with("expectedCloseDate", "2026-11-15"), "2026-10-15"));
        String o6 = unique("OPP");
        versions.add(at(opportunity(o6, "ACC-M6", r2, "Prospecting", 800).with("expectedCloseDate", "2026-11-20"),
                "2026-10-20"));
        movementDeals(versions);
        batch("opportunities", versions);
    }

    /** Rep r3, window March 2026 (see PipelineMovementTest for the categories). */
    private static void movementDeals(List<Rec> versions) {
        String m1 = unique("MOV");
        versions.add(at(opportunity(m1, "ACC-W1", r3, "Proposal", 1000).with("expectedCloseDate", "2026-03-15"), "2026-02-20"));
        versions.add(at(opportunity(m1, "ACC-W1", r3, "Proposal", 1500).with("expectedCloseDate", "2026-03-15"), "2026-03-05"));
        String m2 = unique("MOV");
        versions.add(at(opportunity(m2, "ACC-W2", r3, "Proposal", 2000).with("expectedCloseDate", "2026-03-10"), "2026-02-10"));
        versions.add(at(opportunity(m2, "ACC-W2", r3, "Proposal", 2000).with("expectedCloseDate", "2026-04-20"), "2026-03-03"));
        String m3 = unique("MOV");
        versions.add(at(opportunity(m3, "ACC-W3", r3, "Prospecting", 700).with("productInterest", "card")
                .with("expectedCloseDate", "2026-03-20"), "2026-03-02"));
        String m4 = unique("MOV");
        versions.add(at(opportunity(m4, "ACC-W4", r3, "Proposal", 900).with("expectedCloseDate", "2026-05-01"), "2026-02-01"));
        versions.add(at(opportunity(m4, "ACC-W4", r3, "Proposal", 900).with("expectedCloseDate", "2026-03-25"), "2026-03-10"));
        String m5 = unique("MOV");
        versions.add(at(opportunity(m5, "ACC-W5", r3, "Negotiation", 1200).with("expectedCloseDate", "2026-03-20"), "2026-02-15"));
        versions.add(at(opportunity(m5, "ACC-W5", r3, "Closed Won", 1200).with("expectedCloseDate", "2026-03-20"), "2026-03-18"));
        String m6 = unique("MOV");
        versions.add(at(opportunity(m6, "ACC-W6", r3, "Proposal", 600).with("expectedCloseDate", "2026-03-31"), "2026-02-25"));
        versions.add(at(opportunity(m6, "ACC-W6", r3, "Closed Lost", 600).with("expectedCloseDate", "2026-03-31"), "2026-03-21"));
        String m7 = unique("MOV");
        versions.add(at(opportunity(m7, "ACC-W7", r3, "Proposal", 3000).with("expectedCloseDate", "2026-03-12"), "2026-02-12"));
        versions.add(at(opportunity(m7, "ACC-W7", r3, "Proposal", 2500).with("expectedCloseDate", "2026-03-12"), "2026-03-04"));
    }

    private static Rec at(Rec version, String day) {
        if (!version.fields.containsKey("expectedCloseDate")) {
            version.with("expectedCloseDate", "2026-10-31");
        }
        return version.with("updatedAt", day + "T09:00:00Z");
    }

    @Test
    void pipelineByStageNowWithTerritoryFilters() {
        metric("pipeline", Map.of("team", team)).body("asOf", nullValue())
                .body("stages.stage", contains("Prospecting", "Qualification", "Proposal", "Negotiation"))
                .body("stages.count", contains(1, 0, 1, 1))
                .body("stages.amount", contains(800.0, 0.0, 500.0, 4000.0))
                .body("stages.weightedAmount", contains(80.0, 0.0, 250.0, 2400.0))
                .body("count", equalTo(3)).body("amount", equalTo(5300.0)).body("weightedAmount", equalTo(2730.0));
        metric("pipeline", Map.of("territoryId", child)).body("count", equalTo(1)).body("amount", equalTo(500.0));
        metric("pipeline", Map.of("territoryId", root, "team", team)).body("count", equalTo(3));
        metric("pipeline", Map.of("team", team, "from", "2026-11-16", "to", "2026-11-30"))
                .body("count", equalTo(2)).body("amount", equalTo(4800.0));
    }

    @Test
    void winRateByCountAndValue() {
        metric("win-rate", Map.of("team", team, "period", "2026-10"))
                .body("won", equalTo(2)).body("lost", equalTo(1))
                .body("wonAmount", equalTo(4000.0)).body("lostAmount", equalTo(4000.0))
                .body("winRatePercent", equalTo(66.67)).body("winRateByValuePercent", equalTo(50.0));
        metric("win-rate", Map.of("repId", r1, "period", "2026-10"))
                .body("won", equalTo(1)).body("lost", equalTo(1)).body("winRateByValuePercent", equalTo(20.0));
        metric("win-rate", Map.of("team", team, "period", "2026-10", "product", "loan"))
                .body("winRatePercent", equalTo(100.0));
        metric("win-rate", Map.of("team", team, "period", "2026-09")).body("winRatePercent", nullValue());
    }

    @Test
    void salesCycleOfDealsWonInThePeriod() {
        metric("sales-cycle", Map.of("team", team, "period", "2026-Q4"))
                .body("deals", equalTo(2)).body("averageDays", equalTo(15.0)).body("medianDays", equalTo(15.0))
                .body("minDays", equalTo(10)).body("maxDays", equalTo(20));
        metric("sales-cycle", Map.of("team", team, "period", "2026-10", "source", "Branch", "repId", r2))
                .body("deals", equalTo(1)).body("averageDays", equalTo(20.0));
    }

    @Test
    void quotaAttainmentPerRepTeamAndTerritory() {
        metric("quota-attainment", Map.of("team", team, "period", "2026-10"))
                .body("reps.repId", contains(sorted(r1, r2)))
                .body("reps.find { it.repId == '" + r1 + "' }.quota", equalTo(3369.57))
                .body("reps.find { it.repId == '" + r1 + "' }.wonAmount", equalTo(1000.0))
                .body("reps.find { it.repId == '" + r1 + "' }.attainmentPercent", equalTo(29.68))
                .body("reps.find { it.repId == '" + r2 + "' }.quota", equalTo(20000.0))
                .body("reps.find { it.repId == '" + r2 + "' }.attainmentPercent", equalTo(15.0))
                .body("teams.id", contains(team))
                .body("teams[0].quota", equalTo(23369.57)).body("teams[0].wonAmount", equalTo(4000.0))
                .body("teams[0].attainmentPercent", equalTo(17.12))
                .body("territories.find { it.id == '" + root + "' }.attainmentPercent", equalTo(17.12))
                .body("territories.find { it.id == '" + child + "' }.attainmentPercent", equalTo(29.68));
        metric("quota-attainment", Map.of("team", team, "period", "2026-10", "product", "card"))
                .body("teams[0].wonAmount", equalTo(0.0));
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("team", team)
                .when().get("/api/v1/sales/metrics/quota-attainment").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }

    @Test
    void stageConversionAndTimeInStageFromTheHistory() {
        metric("stage-conversion", Map.of("team", team, "period", "2026-10"))
                .body("stages.stage", contains("Prospecting", "Qualification", "Proposal", "Negotiation"))
                .body("stages.entered", contains(3, 2, 2, 1))
                .body("stages.advanced", contains(1, 2, 1, 0))
                .body("stages.exited", contains(2, 2, 1, 0))
                .body("stages.conversionPercent", contains(33.33, 100.0, 50.0, 0.0))
                .body("stages.averageDaysInStage", contains(6.0, 5.0, 18.0, null))
                .body("stages.medianDaysInStage", contains(6.0, 5.0, 18.0, null));
        metric("stage-conversion", Map.of("repId", r2, "period", "2026-10"))
                .body("stages.entered", contains(1, 1, 1, 1));
    }

    @Test
    void movementWaterfallReconciles() {
        ValidatableResponse w = metric("pipeline-movement", Map.of("repId", r3, "from", "2026-03-01", "to", "2026-03-31"))
                .body("starting.amount", equalTo(7800.0)).body("starting.count", equalTo(5))
                .body("new.amount", equalTo(700.0)).body("increased.amount", equalTo(500.0))
                .body("decreased.amount", equalTo(500.0)).body("pulledIn.amount", equalTo(900.0))
                .body("pushedOut.amount", equalTo(2000.0)).body("won.amount", equalTo(1200.0))
                .body("lost.amount", equalTo(600.0)).body("ending.amount", equalTo(5600.0))
                .body("ending.count", equalTo(4));
        Map<String, Double> a = amounts(w);
        org.junit.jupiter.api.Assertions.assertEquals(a.get("ending"), a.get("starting") + a.get("new")
                + a.get("increased") - a.get("decreased") + a.get("pulledIn") - a.get("pushedOut") - a.get("won")
                - a.get("lost"), 0.001);
        metric("pipeline-movement", Map.of("repId", r3, "period", "2026-03", "product", "loan"))
                .body("new.amount", equalTo(0.0)).body("ending.amount", equalTo(4900.0));
    }

    @Test
    void forecastByCategory() {
        metric("forecast", Map.of("team", team, "period", "2026-11"))
                .body("closed", equalTo(0.0)).body("commit", equalTo(4000.0)).body("bestCase", equalTo(500.0))
                .body("pipeline", equalTo(800.0)).body("weightedPipeline", equalTo(2730.0))
                .body("commitForecast", equalTo(4000.0)).body("bestCaseForecast", equalTo(4500.0));
        metric("forecast", Map.of("team", team, "period", "2026-10")).body("closed", equalTo(4000.0))
                .body("commit", equalTo(0.0));
        metric("forecast", Map.of("team", team, "period", "2026-11", "product", "savings"))
                .body("commit", equalTo(4000.0)).body("bestCase", equalTo(0.0)).body("weightedPipeline", equalTo(2400.0));
    }

    @Test
    void metricsNeedARole() {
        given().header("Authorization", TestTokens.bearer("cx-analyst")).when().get("/api/v1/sales/metrics/pipeline")
                .then().statusCode(403);
    }

    private static String[] sorted(String a, String b) {
        return a.compareTo(b) < 0 ? new String[] { a, b } : new String[] { b, a };
    }

    private static Map<String, Double> amounts(ValidatableResponse response) {
        Map<String, Double> amounts = new java.util.HashMap<>();
        for (String bucket : List.of("starting", "new", "increased", "decreased", "pulledIn", "pushedOut", "won",
                "lost", "ending")) {
            amounts.put(bucket, response.extract().jsonPath().getDouble(bucket + ".amount"));
        }
        return amounts;
    }

    private static ValidatableResponse metric(String name, Map<String, String> query) {
        return given().config(DECIMALS).header("Authorization", TestTokens.bearer("admin"))
                .queryParams(query).when().get("/api/v1/sales/metrics/" + name).then().statusCode(200);
    }
}
