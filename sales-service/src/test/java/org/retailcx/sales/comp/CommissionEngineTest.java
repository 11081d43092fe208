package org.retailcx.sales.comp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailcx.sales.SalesTestApi.rows;
import static org.retailcx.sales.SalesTestApi.unique;
import static org.retailcx.sales.comp.CompTestData.lines;
import static org.retailcx.sales.comp.CompTestData.opportunity;
import static org.retailcx.sales.comp.CompTestData.put;
import static org.retailcx.sales.comp.CompTestData.putPlan;
import static org.retailcx.sales.comp.CompTestData.rec;
import static org.retailcx.sales.comp.CompTestData.rep;
import static org.retailcx.sales.comp.CompTestData.standardPlan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.sales.SalesTestApi;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.Topics;
import org.retailcx.schema.sales.CommissionCalculated;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** The commission engine end to end: CRM records in through the API, ledger, gold, events and metrics out. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class CommissionEngineTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    @Inject
    Pool pool;

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void marginalTiersPayTheAcceleratorOnlyAboveTheThresholdAndALateEarlierDealRepricesTheLaterOne()
            throws Exception {
        String plan = unique("PLAN-M");
        putPlan(plan, standardPlan(false, 90)).statusCode(200);
        String rep = unique("REP-M");
        rep(rep, plan, 100000, 0.04);
        String first = unique("OPP-M1");
        String second = unique("OPP-M2");
        String accountA = unique("ACC-A");

        // The later deal arrives first: alone it is 50,000 × 5 % = 2,500 at ×1.
        opportunity(second, unique("ACC-B"), rep, "Closed Won", 50000, "Branch", null, "2026-10-20T10:00:00Z");
        assertEquals(List.of("earned 2500.00"), lines(pool, second));
        // The earlier one (80,000 on 10-05) takes 0–80 % first: 4,000; the later one is repriced over 80 %→130 %:
        // 20,000 × 5 % + 20,000 × 5 % × 1.5 + 10,000 × 5 % × 2 = 3,500, so +1,000.
        opportunity(first, accountA, rep, "Closed Won", 80000, "Branch", null, "2026-10-05T10:00:00Z");
        assertEquals(List.of("earned 4000.00"), lines(pool, first));
        assertEquals(List.of("earned 2500.00", "adjustment 1000.00"), lines(pool, second));

        // Re-sending the same won version books nothing (and announces nothing).
        opportunity(first, accountA, rep, "Closed Won", 80000, "Branch", null, "2026-10-05T10:00:00Z")
                .body("eventsQueued", equalTo(0));
        assertEquals(List.of("earned 4000.00"), lines(pool, first));

        // A second deal of the same account is Cross-Sell; a referred one Referral; both above 120 % (×2).
        String crossSell = unique("OPP-M3");
        String referral = unique("OPP-M4");
        opportunity(crossSell, accountA, rep, "Closed Won", 10000, "Web Form", null, "2026-11-01T10:00:00Z");
        opportunity(referral, unique("ACC-C"), rep, "Closed Won", 5000, "Referral", null, "2026-11-02T10:00:00Z");
        assertEquals(List.of("earned 600.00"), lines(pool, crossSell), "10,000 × 3 % × 2");
        assertEquals(List.of("earned 200.00"), lines(pool, referral), "5,000 × 2 % × 2");
        assertEquals(Map.of(first, "New Account", second, "New Account", crossSell, "Cross-Sell", referral,
                "Referral"), types(rep));

        var fact = rows(pool, "select date_key, amount, product_key, rep_key, is_clawback, period"
                + " from gold.fact_sales_commissions where opportunity_id = $1", first).get(0);
        assertEquals(20261005, fact.getInteger("date_key"));
        assertEquals(new BigDecimal("4000.00"), fact.getBigDecimal("amount"));
        assertNotNull(fact.getLong("rep_key"), "keyed to the rep's dimension row");
        assertEquals("2026-Q4", fact.getString("period"));

        ConsumerRecord<String, String> event = KAFKA.awaitRecords(topicPrefix + Topics.SALES_COMMISSION,
                r -> first.equals(KafkaTestClient.header(r, "ce_subject")), 1, Duration.ofSeconds(30)).get(0);
        assertEquals("retailcx.sales.commission.calculated.v1", KafkaTestClient.header(event, "ce_type"));
        assertEquals(accountA, event.key(), "keyed by customer");
        var data = EventJson.mapper().readTree(event.value());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.SALES_COMMISSION_CALCULATED, data));
        CommissionCalculated calculated = EventJson.mapper().treeToValue(data, CommissionCalculated.class);
        assertEquals(rep, calculated.repId());
        assertEquals("New Account", calculated.commissionType());
        assertEquals("earned", calculated.kind());
        assertEquals(0, new BigDecimal("4000.00").compareTo(calculated.amount()));
        assertEquals(0, new BigDecimal("0.05").compareTo(calculated.rate()));
        assertEquals("0–100% ×1", calculated.tier());
        assertEquals(plan, calculated.planId());
        assertEquals("2026-Q4", calculated.period());
        assertEquals(false, calculated.clawback());
    }

    @Test
    void aRetroactivePlanRepricesEarlierDealsWithAdjustmentLines() {
        String plan = unique("PLAN-R");
        putPlan(plan, standardPlan(true, 90)).statusCode(200).body("retroactive", equalTo(true));
        String rep = unique("REP-R");
        rep(rep, plan, 100000, null);
        String first = unique("OPP-R1");
        String second = unique("OPP-R2");
        opportunity(first, unique("ACC"), rep, "Closed Won", 80000, "Branch", null, "2026-10-05T10:00:00Z");
        assertEquals(List.of("earned 4000.00"), lines(pool, first), "80 %: ×1");
        opportunity(second, unique("ACC"), rep, "Closed Won", 50000, "Branch", null, "2026-10-20T10:00:00Z");
        // 130 % → ×2 on the whole period: 8,000 and 5,000
        assertEquals(List.of("earned 4000.00", "adjustment 4000.00"), lines(pool, first));
        assertEquals(List.of("earned 5000.00"), lines(pool, second));
    }

    @Test
    void aReversalWithinTheWindowIsClawedBackAndOneAfterItIsNot() {
        String plan = unique("PLAN-C");
        putPlan(plan, standardPlan(false, 30)).statusCode(200);
        String rep = unique("REP-C");
        rep(rep, plan, 100000, null);
        String reversed = unique("OPP-C1");
        String account = unique("ACC");
        opportunity(reversed, account, rep, "Closed Won", 80000, "Branch", null, "2026-10-05T10:00:00Z");
        opportunity(reversed, account, rep, "Negotiation", 80000, "Branch", null, "2026-10-20T10:00:00Z");
        assertEquals(List.of("earned 4000.00", "clawback -4000.00"), lines(pool, reversed), "day 15 of 30");
        var clawback = rows(pool, "select date_key, is_clawback from gold.fact_sales_commissions"
                + " where opportunity_id = $1 and amount < 0", reversed).get(0);
        assertEquals(20261020, clawback.getInteger("date_key"), "booked on the reversal date");
        assertTrue(clawback.getBoolean("is_clawback"));

        String kept = unique("OPP-C2");
        String keptAccount = unique("ACC");
        opportunity(kept, keptAccount, rep, "Closed Won", 10000, "Branch", null, "2026-10-01T10:00:00Z");
        opportunity(kept, keptAccount, rep, "Closed Lost", 10000, "Branch", null, "2026-12-15T10:00:00Z");
        assertEquals(List.of("earned 500.00"), lines(pool, kept), "reversed on day 75 of a 30-day window");

        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("period", "2026-Q4").queryParam("repId", rep)
                .when().get("/api/v1/sales/metrics/commissions").then().statusCode(200)
                .body("reps[0].earned", equalTo(4500.00f)).body("reps[0].clawedBack", equalTo(4000.00f))
                .body("reps[0].net", equalTo(500.00f));
    }

    @Test
    void aRepWithoutAKnownPlanEarnsTheirOwnRate() {
        String rep = unique("REP-O");
        rep(rep, "NO-SUCH-PLAN", 100000, 0.04);
        String deal = unique("OPP-O");
        opportunity(deal, unique("ACC"), rep, "Closed Won", 10000, "Branch", null, "2026-10-05T10:00:00Z");
        assertEquals(List.of("earned 400.00"), lines(pool, deal));
    }

    @Test
    void recalculationAppliesANewPlanVersionOnceAndThenBooksNothing() {
        String plan = unique("PLAN-X");
        putPlan(plan, standardPlan(false, 90)).statusCode(200);
        String rep = unique("REP-X");
        rep(rep, plan, 100000, null);
        String deal = unique("OPP-X");
        opportunity(deal, unique("ACC"), rep, "Closed Won", 80000, "Branch", null, "2027-01-10T10:00:00Z");
        assertEquals(List.of("earned 4000.00"), lines(pool, deal));

        Map<String, Object> raised = standardPlan(false, 90);
        raised.put("effectiveFrom", "2027-01-01");
        raised.put("rates", rec("New Account", 0.06, "Cross-Sell", 0.03, "Referral", 0.02));
        putPlan(plan, raised).statusCode(200);
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("asOf", "2027-02-01")
                .when().get("/api/v1/sales/commission-plans/" + plan).then().statusCode(200)
                .body("effectiveFrom", equalTo("2027-01-01")).body("rates.'New Account'", equalTo(0.06f));
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("asOf", "2026-06-01")
                .when().get("/api/v1/sales/commission-plans/" + plan).then().statusCode(200)
                .body("rates.'New Account'", equalTo(0.05f));

        recalculate("2027-Q1");
        assertEquals(List.of("earned 4000.00", "adjustment 800.00"), lines(pool, deal), "80,000 × 6 %");
        recalculate("2027-Q1").body("linesBooked", equalTo(0));
    }

    @Test
    void aQuotaChangeRepricesTheRepsDealsAndARebuildBooksNothingNew() {
        String plan = unique("PLAN-Z");
        putPlan(plan, standardPlan(false, 90)).statusCode(200);
        String rep = unique("REP-Z");
        rep(rep, plan, 100000, null);
        String deal = unique("OPP-Z");
        opportunity(deal, unique("ACC"), rep, "Closed Won", 80000, "Branch", null, "2026-10-05T10:00:00Z");
        assertEquals(List.of("earned 4000.00"), lines(pool, deal));
        // quota 50,000: 50,000 × 5 % + 10,000 × 5 % × 1.5 + 20,000 × 5 % × 2 = 5,250
        rep(rep, plan, 50000, null);
        assertEquals(List.of("earned 4000.00", "adjustment 1250.00"), lines(pool, deal));

        given().header("Authorization", TestTokens.bearer("admin"))
                .when().post("/api/v1/sales/admin/rebuild").then().statusCode(200)
                .body("rebuilt", hasItem("silver.retail_sales_commission_line"));
        assertEquals(List.of("earned 4000.00", "adjustment 1250.00"), lines(pool, deal));
        assertEquals(2, rows(pool, "select 1 from gold.fact_sales_commissions where opportunity_id = $1", deal)
                .size());
        assertEquals("missing-in-compensation-system", rows(pool, "select status from"
                + " silver.retail_sales_commission_reconciled where opportunity_id = $1", deal).get(0).getString(0));
    }

    @Test
    void reconciliationMatchesReportedAgainstComputedWithinACent() {
        String plan = unique("PLAN-Q");
        putPlan(plan, standardPlan(false, 90)).statusCode(200);
        String rep = unique("REP-Q");
        rep(rep, plan, 100000, null);
        String matched = unique("OPP-Q1");
        String mismatched = unique("OPP-Q2");
        String missing = unique("OPP-Q3");
        String ghost = unique("OPP-Q4");
        opportunity(matched, unique("ACC"), rep, "Closed Won", 80000, "Branch", null, "2026-10-05T10:00:00Z");
        opportunity(mismatched, unique("ACC"), rep, "Closed Won", 50000, "Branch", null, "2026-10-20T10:00:00Z");
        opportunity(missing, unique("ACC"), rep, "Closed Won", 10000, "Branch", null, "2026-11-01T10:00:00Z");
        // computed: 4,000; 3,500; 10,000 × 5 % × 2 = 1,000
        reported(unique("COM"), rep, matched, "New Account", 3999.99, "2026-Q4", true);
        reported(unique("COM"), rep, mismatched, "New Account", 3400.00, "2026-10", false);
        reported(unique("COM"), rep, ghost, "Referral", 50.00, "2026-Q4", false);

        Map<String, JsonPath> byOpportunity = new HashMap<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", TestTokens.bearer("admin"))
                    .queryParam("repId", rep).queryParam("period", "2026-Q4").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/sales/commissions/reconciliation").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                byOpportunity.put((String) items.get(i).get("opportunityId"),
                        new JsonPath(SalesTestApi.toJson(items.get(i))));
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertEquals(4, byOpportunity.size());
        assertEquals("matched", byOpportunity.get(matched).getString("status"));
        assertEquals(0.01f, byOpportunity.get(matched).getFloat("difference"));
        assertEquals("amount-mismatch", byOpportunity.get(mismatched).getString("status"));
        assertEquals(100.00f, byOpportunity.get(mismatched).getFloat("difference"));
        assertEquals("missing-in-compensation-system", byOpportunity.get(missing).getString("status"));
        assertEquals("not-computed-by-engine", byOpportunity.get(ghost).getString("status"));
        assertEquals(-50.00f, byOpportunity.get(ghost).getFloat("difference"));

        given().header("Authorization", TestTokens.bearer("admin")).queryParam("repId", rep)
                .queryParam("status", "amount-mismatch")
                .when().get("/api/v1/sales/commissions/reconciliation").then().statusCode(200)
                .body("items.opportunityId", equalTo(List.of(mismatched)));

        // per rep: earned 4,000 + 3,500 + 1,000; reported 7,449.99 of which 3,999.99 paid
        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("period", "2026-Q4").queryParam("repId", rep)
                .when().get("/api/v1/sales/metrics/commissions").then().statusCode(200)
                .body("reps[0].repId", equalTo(rep)).body("reps[0].net", equalTo(8500.00f))
                .body("reps[0].reported", equalTo(7449.99f)).body("reps[0].paidAsReported", equalTo(3999.99f))
                .body("reps[0].discrepancy", equalTo(1050.01f));
        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("period", "2026-Q4").queryParam("team", "Team " + rep)
                .when().get("/api/v1/sales/metrics/commissions").then().statusCode(200)
                .body("reps.repId", equalTo(List.of(rep))).body("total.net", equalTo(8500.00f));
    }

    @Test
    void reportedCommissionsThatBreakARuleAreQuarantined() {
        String rep = unique("REP-D");
        rep(rep, null, 100000, 0.04);
        Map<String, String> expected = Map.of(
                reported(unique("COM"), rep, "OPP-1", "New Account", -5, "2026-Q4", false), "amount.non-negative",
                reported(unique("COM"), rep, "OPP-1", "Bonus", 5, "2026-Q4", false), "commissionType.known",
                reported(unique("COM"), "REP-NOBODY", "OPP-1", "Referral", 5, "2026-Q4", false), "repId.known",
                reported(unique("COM"), rep, "OPP-1", "Referral", 5, "Nov 2026", false), "period.format");
        expected.forEach((id, rule) -> given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("source", "commissions").queryParam("recordId", id)
                .when().get("/api/v1/sales/quarantine").then().statusCode(200)
                .body("items.rule", hasItem(rule)));
        String clawback = reported(unique("COM"), rep, "OPP-1", "Clawback", -5, "2026-Q4", false);
        assertEquals(1, rows(pool, "select 1 from silver.retail_sales_commission_reported where commission_id = $1",
                clawback).size(), "a clawback may be negative");
    }

    @Test
    void planValidationNamesTheOffendingField() {
        String plan = unique("PLAN-V");
        Map<String, Object> ok = standardPlan(false, 90);
        invalidPlan(plan, with(ok, "rates", rec("New Account", 1.5)), "rates.New Account");
        invalidPlan(plan, with(ok, "rates", rec("Bonus", 0.1)), "rates.Bonus");
        invalidPlan(plan, with(ok, "tiers", List.of(rec("fromPercent", 0, "toPercent", 100, "multiplier", 1),
                rec("fromPercent", 90, "multiplier", 1.5))), "tiers[1].fromPercent");
        invalidPlan(plan, with(ok, "tiers", List.of(rec("fromPercent", 0, "multiplier", 1),
                rec("fromPercent", 100, "multiplier", 2))), "tiers[0].toPercent");
        invalidPlan(plan, with(ok, "tiers", List.of(rec("fromPercent", 10, "multiplier", 1))), "tiers[0].fromPercent");
        invalidPlan(plan, with(ok, "clawbackWindowDays", -1), "clawbackWindowDays");
        invalidPlan(plan, with(ok, "quotaPeriod", "week"), "quotaPeriod");
        invalidPlan(plan, with(ok, "quotaPeriod", null), "quotaPeriod");
        invalidPlan(plan, with(ok, "planId", "OTHER"), "planId");
        given().header("Authorization", TestTokens.bearer("admin"))
                .when().get("/api/v1/sales/commission-plans/" + plan).then().statusCode(404);

        given().header("Authorization", TestTokens.bearer("sales-rep")).contentType("application/json")
                .body(SalesTestApi.toJson(ok)).when().put("/api/v1/sales/commission-plans/" + plan).then()
                .statusCode(403);
        putPlan(plan, ok).statusCode(200).body("planId", equalTo(plan)).body("tiers[1].multiplier", equalTo(1.5f));
        given().header("Authorization", TestTokens.bearer("sales-rep")).queryParam("limit", 1000)
                .when().get("/api/v1/sales/commission-plans").then().statusCode(200)
                .body("items.planId", hasItem(plan));
    }

    @Test
    void customerAcquisitionCostDividesTheCostsOfThePeriodByTheNewCustomersWonInIt() {
        int year = 2032 + (int) (Math.random() * 17);
        String month = year + "-03";
        String rep = unique("REP-K");
        rep(rep, null, null, 0.01);
        String campaignX = unique("CMP-X");
        String campaignY = unique("CMP-Y");
        String returning = unique("ACC");
        opportunity(unique("OPP"), unique("ACC"), rep, "Closed Won", 100, "Event", campaignX, month + "-05T10:00:00Z");
        opportunity(unique("OPP"), unique("ACC"), rep, "Closed Won", 100, "Branch", null, month + "-10T10:00:00Z");
        opportunity(unique("OPP"), returning, rep, "Closed Won", 100, "Branch", null, year + "-02-20T10:00:00Z");
        opportunity(unique("OPP"), returning, rep, "Closed Won", 100, "Event", campaignX, month + "-12T10:00:00Z");
        opportunity(unique("OPP"), unique("ACC"), rep, "Closed Won", 100, "Event", campaignX, month + "-15T10:00:00Z");
        opportunity(unique("OPP"), unique("ACC"), rep, "Closed Won", 100, "Branch", null, year + "-04-02T10:00:00Z");
        String salesCost = unique("COST");
        cost(salesCost, month, null, "sales", 5000);
        cost(salesCost, month, null, "sales", 6000);
        cost(unique("COST"), month, campaignX, "marketing", 3000);
        cost(unique("COST"), month, campaignY, "marketing", 1000);
        String negative = cost(unique("COST"), month, campaignY, "marketing", -50);
        cost(unique("COST"), year + "-04", null, "sales", 9999);

        // (6,000 + 3,000 + 1,000) ÷ 3 new customers; campaign X: 3,000 ÷ 2; Y: 1,000 ÷ none
        JsonPath cac = given().header("Authorization", TestTokens.bearer("marketing")).queryParam("period", month)
                .when().get("/api/v1/sales/metrics/cac").then().statusCode(200).extract().jsonPath();
        assertEquals(6000.00f, cac.getFloat("salesCost"));
        assertEquals(4000.00f, cac.getFloat("marketingCost"));
        assertEquals(10000.00f, cac.getFloat("totalCost"));
        assertEquals(3, cac.getInt("newCustomers"));
        assertEquals(3333.33f, cac.getFloat("cac"));
        assertEquals(1500.00f, cac.getFloat("byCampaign.find { it.campaignId == '" + campaignX + "' }.cac"));
        assertEquals(2, cac.getInt("byCampaign.find { it.campaignId == '" + campaignX + "' }.newCustomers"));
        assertEquals(0, cac.getInt("byCampaign.find { it.campaignId == '" + campaignY + "' }.newCustomers"));
        assertNull(cac.get("byCampaign.find { it.campaignId == '" + campaignY + "' }.cac"));

        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("source", "costs").queryParam("recordId", negative)
                .when().get("/api/v1/sales/quarantine").then().statusCode(200)
                .body("items.rule", hasItem("amount.non-negative"));
        given().header("Authorization", TestTokens.bearer("marketing")).queryParam("period", month)
                .queryParam("repId", rep).when().get("/api/v1/sales/metrics/cac").then().statusCode(400)
                .body("errors[0].field", equalTo("repId"));
        given().header("Authorization", TestTokens.bearer("marketing"))
                .when().get("/api/v1/sales/metrics/cac").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }

    private Map<String, String> types(String rep) {
        Map<String, String> types = new HashMap<>();
        rows(pool, "select distinct opportunity_id, commission_type from silver.retail_sales_commission_line"
                + " where rep_id = $1", rep).forEach(r -> types.put(r.getString(0), r.getString(1)));
        return types;
    }

    private static String reported(String id, String rep, String opportunity, String type, Object amount,
            String period, boolean paid) {
        put("commissions/reported", id, rec("commissionId", id, "repId", rep, "opportunityId", opportunity,
                "commissionType", type, "amount", amount, "currency", "EUR", "period", period, "paid", paid));
        return id;
    }

    private static String cost(String id, String period, String campaign, String category, Object amount) {
        put("costs", id, rec("costId", id, "period", period, "campaignId", campaign, "costCategory", category,
                "amount", amount, "currency", "EUR"));
        return id;
    }

    private static io.restassured.response.ValidatableResponse recalculate(String period) {
        return given().header("Authorization", TestTokens.bearer("admin")).queryParam("period", period)
                .when().post("/api/v1/sales/commissions/recalculate").then().statusCode(200);
    }

    private static void invalidPlan(String plan, Map<String, Object> body, String field) {
        putPlan(plan, body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(Map<String, Object> plan, String field, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(plan);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }
}
