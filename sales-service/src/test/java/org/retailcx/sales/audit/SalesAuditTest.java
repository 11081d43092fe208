package org.retailcx.sales.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.retailcx.sales.SalesTestApi.fields;
import static org.retailcx.sales.SalesTestApi.rows;
import static org.retailcx.sales.SalesTestApi.toJson;
import static org.retailcx.sales.SalesTestApi.unique;
import static org.retailcx.sales.audit.AuditOrganisation.LOST;
import static org.retailcx.sales.audit.AuditOrganisation.WON;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.retailcx.sales.SalesTestApi;
import org.retailcx.sales.audit.AuditOrganisation.Deal;
import org.retailcx.sales.audit.AuditOrganisation.Expected;
import org.retailcx.sales.audit.AuditOrganisation.Rep;
import org.retailcx.sales.audit.AuditOrganisation.Version;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * An independent audit as a test: a small hand-built organisation — three reps (one changing team mid-year), deals in
 * several versions sent out of order and in three deliveries, duplicate leads, a quarterly plan with marginal
 * accelerators and a 60-day clawback, reported commissions with one planted error — loaded through the API onto the
 * real database. Every expected figure comes from {@link AuditOrganisation}'s own arithmetic on the versions, never
 * from the service.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class SalesAuditTest {

    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private static String plan;
    private static String north;
    private static String south;
    private static Rep a;
    private static Rep b;
    private static Rep c;
    private static final Map<String, Deal> SHAPES = new LinkedHashMap<>();
    private static final List<Version> VERSIONS = new ArrayList<>();
    /** Expected net per deal after the second delivery (before the last reversal arrived), and at the end. */
    private static Map<String, Expected> afterSecondDelivery;
    private static List<Deal> deals;
    private static Map<String, String> ids;
    private static Map<String, List<String>> leads;
    /** C4's ledger after the second delivery. */
    private static List<String> afterSecondDeliveryLines;

    @Inject
    Pool pool;

    @BeforeEach
    void organisation() {
        if (plan != null) {
            assertNotNull(leads, "the organisation failed to load; see the first test's failure");
            return;
        }
        plan = unique("AUDIT-PLAN");
        north = unique("North");
        south = unique("South");
        given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON)
                .body(toJson(fields("name", "Audit", "quotaPeriod", "quarter",
                        "rates", AuditOrganisation.RATES,
                        "tiers", List.of(fields("fromPercent", 0, "toPercent", 100, "multiplier", 1.0),
                                fields("fromPercent", 100, "toPercent", 120, "multiplier", 1.5),
                                fields("fromPercent", 120, "multiplier", 2.0)),
                        "retroactive", false, "clawbackWindowDays", AuditOrganisation.CLAWBACK_WINDOW_DAYS)))
                .when().put("/api/v1/sales/commission-plans/" + plan).then().statusCode(200);

        // Annual quotas priced per quarter: 365,000 is 1,000 a day, 182,500 is 500, 73,000 is 200.
        a = new Rep(unique("REP-A"), new BigDecimal("365000"));
        b = new Rep(unique("REP-B"), new BigDecimal("182500"));
        c = new Rep(unique("REP-C"), new BigDecimal("73000"));
        SalesTestApi.promoted(SalesTestApi.postBatch("reps", List.of(rep(a, north, "2020-01-01"),
                rep(b, north, "2020-01-01"), rep(b, south, "2026-07-01"), rep(c, south, "2020-01-01"))));

        ids = new HashMap<>();
        // Rep A, Q1 (quota 90,000): 50,000 + 8,000, then 40,000 crosses 100 % (32,000 at ×1, 8,000 at ×1.5), a
        // Cross-Sell on A1's account inside 100–120 %, and 20,000 above 120 % reversed on day 60 (clawed back).
        deal("A1", "X1", a, "Branch", v("2026-01-05", "Prospecting", 50000, "2026-02-28"),
                v("2026-01-20", "Proposal", 50000, "2026-02-28"), v("2026-02-10", WON, 50000, "2026-02-28"));
        deal("A2", "X2", a, "Web Form", v("2026-01-10", "Qualification", 8000, "2026-03-31"),
                v("2026-02-20", WON, 8000, "2026-03-31"));
        deal("A3", "X3", a, "Event", v("2026-01-15", "Prospecting", 40000, "2026-03-31"),
                v("2026-03-05", WON, 40000, "2026-03-31"));
        deal("A4", "X1", a, "Branch", v("2026-02-15", "Proposal", 10000, "2026-03-31"),
                v("2026-03-20", WON, 10000, "2026-03-31"));
        deal("A5", "X4", a, "Branch", v("2026-02-01", "Negotiation", 20000, "2026-03-31"),
                v("2026-03-25", WON, 20000, "2026-03-31"), v("2026-05-24", "Negotiation", 20000, "2026-06-30"));
        // Rep A, Q2 (quota 91,000): 30,000 cancelled on day 61 (keeps its commission, counts as lost in Q2), then
        // 70,000 crosses 100 % on top of it.
        deal("A6", "X5", a, "Branch", v("2026-03-01", "Proposal", 30000, "2026-04-30"),
                v("2026-04-15", WON, 30000, "2026-04-30"), v("2026-06-15", LOST, 30000, "2026-04-30"));
        deal("A7", "X6", a, "Web Form", v("2026-04-01", "Negotiation", 70000, "2026-05-31"),
                v("2026-05-10", WON, 70000, "2026-05-31"));
        // Rep B, Q1 (quota 45,000): a referral, then 25,000 through all three bands.
        deal("B1", "Y1", b, "Referral", v("2026-01-08", "Proposal", 30000, "2026-02-28"),
                v("2026-02-01", WON, 30000, "2026-02-28"));
        deal("B2", "Y2", b, "Call Center", v("2026-01-12", "Proposal", 25000, "2026-03-31"),
                v("2026-03-01", WON, 25000, "2026-03-31"));
        // Rep B moves from North to South on 1 July. Deals created before the move, worked after it.
        deal("B3", "Y3", b, "Branch", v("2026-06-25", "Proposal", 10000, "2026-07-31"),
                v("2026-07-10", WON, 10000, "2026-07-31"), v("2026-07-20", LOST, 10000, "2026-07-31"));
        deal("B5", "Y4", b, "Branch", v("2026-06-20", "Proposal", 40000, "2026-07-15"),
                v("2026-07-15", WON, 40000, "2026-07-15"));
        deal("B6", "Y5", b, "Web Form", v("2026-05-01", "Proposal", 15000, "2026-09-30"),
                v("2026-08-01", "Proposal", 18000, "2026-09-30"));
        // Rep C, Q3 (quota 18,400): the next deal of B3's account — New Account once B3's win is cancelled.
        deal("C4", "Y3", c, "Branch", v("2026-07-05", "Proposal", 20000, "2026-08-31"),
                v("2026-08-05", WON, 20000, "2026-08-31"));
        deal("C2", "Z1", c, "Event", v("2026-07-06", "Proposal", 5000, "2026-08-31"),
                v("2026-08-20", WON, 5000, "2026-08-31"));
        deal("C3", "Z2", c, "Web Form", v("2026-07-01", "Negotiation", 12000, "2026-12-15"));
        deal("C5", "Z3", c, "Web Form", v("2026-07-02", "Qualification", 9000, "2026-08-31"),
                v("2026-08-25", LOST, 9000, "2026-08-31"));
        // A lead's deal won and cancelled 20 days later: clawed back, and not a won lead in the funnel.
        deal("C6", "Z4", c, "Event", v("2026-07-03", "Proposal", 6000, "2026-08-31"),
                v("2026-08-10", WON, 6000, "2026-08-31"), v("2026-08-30", LOST, 6000, "2026-08-31"));

        // Delivery 1: everything dated before April, newest first. Delivery 2: the rest but B3's cancellation,
        // newest first. Delivery 3: B3's cancellation.
        Version cancellation = VERSIONS.stream().filter(x -> x.opportunityId().equals(ids.get("B3"))
                && x.stage().equals(LOST)).findFirst().orElseThrow();
        List<Version> first = VERSIONS.stream().filter(x -> x.day().compareTo("2026-04-01") < 0)
                .sorted((x, y) -> y.day().compareTo(x.day())).toList();
        List<Version> second = VERSIONS.stream().filter(x -> !first.contains(x) && x != cancellation)
                .sorted((x, y) -> y.day().compareTo(x.day())).toList();
        send(first);
        send(second);
        List<Version> known = new ArrayList<>(first);
        known.addAll(second);
        afterSecondDelivery = AuditOrganisation.commissions(AuditOrganisation.deals(known, SHAPES));
        afterSecondDeliveryLines = ledger(ids.get("C4"));
        send(List.of(cancellation));
        deals = AuditOrganisation.deals(VERSIONS, SHAPES);
        loadLeads();
    }

    @Test
    void everyDealEarnsWhatTheAuditorComputesIncludingTiersAcrossQuartersAndClawbacksAt60And61Days() {
        Map<String, Expected> expected = AuditOrganisation.commissions(deals);
        for (Deal d : deals) {
            if (d.wonOn() == null) {
                continue;
            }
            Expected e = expected.get(d.id());
            assertEquals(e.net(), net(d.id()), () -> d.id() + " " + e);
            if (ledger(d.id()).isEmpty()) {
                // Won and clawed back within one delivery: there was never anything to book.
                assertEquals(true, d.clawedBack(), d.id());
                continue;
            }
            assertEquals(e.type(), currentType(d.id()), d.id());
        }
        // The figures, which the auditor's arithmetic must also give.
        assertEquals(new BigDecimal("2200.00"), expected.get(ids.get("A3")).net(), "32,000 × 5 % + 8,000 × 5 % × 1.5");
        assertEquals(new BigDecimal("0.00"), expected.get(ids.get("A5")).net(), "reversed on day 60: clawed back");
        assertEquals(new BigDecimal("1500.00"), expected.get(ids.get("A6")).net(), "reversed on day 61: kept");
        assertEquals("New Account", expected.get(ids.get("C4")).type());
        // A5 earned above 120 % and was clawed back in full on its reversal day.
        assertEquals(List.of("New Account earned " + firstDelivery("A5") + " 2026-03-25",
                "New Account clawback -" + firstDelivery("A5") + " 2026-05-24"), ledger(ids.get("A5")));
    }

    @Test
    void aCancelledWinDoesNotMakeTheAccountsNextDealACrossSellEvenForAnotherRep() {
        // Before the cancellation arrived, C4 was the account's second won deal: Cross-Sell.
        Expected before = afterSecondDelivery.get(ids.get("C4"));
        assertEquals("Cross-Sell", before.type());
        assertEquals(List.of("Cross-Sell earned " + before.net() + " 2026-08-05"), afterSecondDeliveryLines);
        // B3's cancellation (rep B) reprices rep C's quarter: New Account earned, the Cross-Sell line reversed.
        Expected after = AuditOrganisation.commissions(deals).get(ids.get("C4"));
        assertEquals(List.of("Cross-Sell earned " + before.net() + " 2026-08-05",
                "New Account earned " + after.net() + " 2026-08-05",
                "Cross-Sell adjustment -" + before.net() + " 2026-08-05"), ledger(ids.get("C4")));
        assertNotEquals(before.net(), after.net());
    }

    @Test
    void perRepCommissionsAndReconciliationAgainstTheCompensationSystemWithOnePlantedError() {
        Map<String, Expected> expected = AuditOrganisation.commissions(deals);
        // The compensation system reports every computed line, except: A3 at the old engine's 2,000 (the planted
        // error), B2 missing, one line the engine never computed; A5 reported and clawed back as two lines.
        String ghost = unique("OPP-GHOST");
        Map<String, BigDecimal> reportedByRep = new HashMap<>();
        for (Deal d : deals) {
            Expected e = expected.get(d.id());
            if (e == null || d.id().equals(ids.get("B2")) || d.id().equals(ids.get("A5"))) {
                continue;
            }
            if (e.net().signum() == 0) {
                continue;
            }
            BigDecimal amount = d.id().equals(ids.get("A3")) ? new BigDecimal("2000.00") : e.net();
            report(d.rep(), d.id(), e.type(), amount, AuditOrganisation.quarterStart(d.wonOn()));
            reportedByRep.merge(d.rep().id(), amount, BigDecimal::add);
        }
        BigDecimal a5Earned = new BigDecimal(firstDelivery("A5"));
        report(a, ids.get("A5"), "New Account", a5Earned, LocalDate.parse("2026-01-01"));
        report(a, ids.get("A5"), "Clawback", a5Earned.negate(), LocalDate.parse("2026-04-01"));
        report(c, ghost, "Referral", new BigDecimal("75.00"), LocalDate.parse("2026-07-01"));
        reportedByRep.merge(c.id(), new BigDecimal("75.00"), BigDecimal::add);

        Map<String, String> status = new HashMap<>();
        Map<String, BigDecimal> difference = new HashMap<>();
        for (Rep rep : List.of(a, b, c)) {
            JsonPath page = given().config(DECIMALS).header("Authorization", TestTokens.bearer("admin"))
                    .queryParam("repId", rep.id()).queryParam("limit", 100)
                    .when().get("/api/v1/sales/commissions/reconciliation").then().statusCode(200)
                    .body("nextCursor", nullValue()).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                String key = item.get("opportunityId") + " " + item.get("commissionType");
                status.put(key, (String) item.get("status"));
                difference.put(key, new BigDecimal(item.get("difference").toString()));
            }
        }
        for (Deal d : deals) {
            Expected e = expected.get(d.id());
            if (e == null) {
                continue;
            }
            String key = d.id() + " " + e.type();
            // A deal whose ledger never held a line (won and clawed back in one delivery) has nothing to reconcile.
            String want = ledger(d.id()).isEmpty() ? null
                    : d.id().equals(ids.get("A3")) ? "amount-mismatch"
                    : d.id().equals(ids.get("B2")) ? "missing-in-compensation-system" : "matched";
            assertEquals(want, status.get(key), key);
        }
        assertEquals(expected.get(ids.get("A3")).net().subtract(new BigDecimal("2000.00")),
                difference.get(ids.get("A3") + " New Account"));
        assertEquals("not-computed-by-engine", status.get(ghost + " Referral"));

        for (Rep rep : List.of(a, b, c)) {
            BigDecimal net = deals.stream().filter(d -> d.rep() == rep && expected.containsKey(d.id()))
                    .map(d -> expected.get(d.id()).net()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal reported = reportedByRep.getOrDefault(rep.id(), BigDecimal.ZERO);
            JsonPath metric = commissions(Map.of("period", "2026", "repId", rep.id()));
            assertEquals(net, metric.getObject("reps[0].net", BigDecimal.class), rep.id());
            assertEquals(reported.setScale(2), metric.getObject("reps[0].reported", BigDecimal.class), rep.id());
            assertEquals(net.subtract(reported).setScale(2), metric.getObject("reps[0].discrepancy", BigDecimal.class));
        }
    }

    @Test
    void quotaAttainmentUsesTheSameQuotaForPeriodAndRollsUpToTheCurrentTeamOrTheTeamThen() {
        LocalDate q1 = LocalDate.parse("2026-01-01");
        LocalDate q1End = LocalDate.parse("2026-03-31");
        BigDecimal aWon = AuditOrganisation.wonIn(deals, a, q1, q1End);
        BigDecimal bWon = AuditOrganisation.wonIn(deals, b, q1, q1End);
        JsonPath northNow = attainment(Map.of("period", "2026-Q1", "team", north));
        assertEquals(a.quota(q1), repFigure(northNow, a, "quota"));
        assertEquals(aWon.setScale(2), repFigure(northNow, a, "wonAmount"));
        assertEquals(AuditOrganisation.percent(aWon, a.quota(q1)), repFigure(northNow, a, "attainmentPercent"));
        assertEquals(List.of(a.id()), northNow.getList("reps.repId"), "B is in South now");
        // On 31 March both A and B were North: rollUp=at-date.
        JsonPath northThen = attainment(Map.of("period", "2026-Q1", "team", north, "rollUp", "at-date"));
        assertEquals(List.of(a.id(), b.id()).stream().sorted().toList(), northThen.getList("reps.repId"));
        BigDecimal quota = a.quota(q1).add(b.quota(q1));
        assertEquals(AuditOrganisation.percent(aWon.add(bWon), quota),
                northThen.getObject("teams[0].attainmentPercent", BigDecimal.class));
        JsonPath southNow = attainment(Map.of("period", "2026-Q1", "team", south));
        assertEquals(AuditOrganisation.percent(bWon, b.quota(q1).add(c.quota(q1))),
                southNow.getObject("teams[0].attainmentPercent", BigDecimal.class));

        // Q2: A6, cancelled after the window, keeps its commission but leaves attainment.
        LocalDate q2 = LocalDate.parse("2026-04-01");
        BigDecimal aWonQ2 = AuditOrganisation.wonIn(deals, a, q2, LocalDate.parse("2026-06-30"));
        assertEquals(new BigDecimal("70000"), aWonQ2);
        assertEquals(AuditOrganisation.percent(aWonQ2, a.quota(q2)),
                repFigure(attainment(Map.of("period", "2026-Q2", "team", north)), a, "attainmentPercent"));
    }

    @Test
    void winRateCountsACancelledWinAsLostInTheQuarterOfTheCancellation() {
        for (Object[] window : new Object[][] { { a, "2026-Q2", "2026-04-01", "2026-06-30" },
                { b, "2026-Q3", "2026-07-01", "2026-09-30" } }) {
            Rep rep = (Rep) window[0];
            LocalDate from = LocalDate.parse((String) window[2]);
            LocalDate to = LocalDate.parse((String) window[3]);
            long won = AuditOrganisation.countClosed(deals, rep, WON, from, to);
            long lost = AuditOrganisation.countClosed(deals, rep, LOST, from, to);
            BigDecimal wonAmount = AuditOrganisation.wonIn(deals, rep, from, to);
            BigDecimal lostAmount = AuditOrganisation.lostIn(deals, rep, from, to);
            JsonPath rate = metric("win-rate", Map.of("period", window[1], "repId", rep.id()));
            assertEquals(won, rate.getLong("won"));
            assertEquals(lost, rate.getLong("lost"));
            assertEquals(AuditOrganisation.percent(BigDecimal.valueOf(won), BigDecimal.valueOf(won + lost)),
                    rate.getObject("winRatePercent", BigDecimal.class));
            assertEquals(AuditOrganisation.percent(wonAmount, wonAmount.add(lostAmount)),
                    rate.getObject("winRateByValuePercent", BigDecimal.class));
        }
    }

    @Test
    void openPipelineRollsUpToTheCurrentTeamByDefaultAndAsOfAPastDayCombinesWithThePeriod() {
        // Open now: A5 (reopened, North), B6 (created while B was North, South now), C3 (South).
        assertPipeline(metric("pipeline", Map.of("team", south)), open(deals, List.of(b, c)));
        assertPipeline(metric("pipeline", Map.of("team", north)), open(deals, List.of(a)));
        assertPipeline(metric("pipeline", Map.of("team", south, "rollUp", "at-date")), open(deals, List.of(c)));
        assertPipeline(metric("pipeline", Map.of("team", north, "rollUp", "at-date")), open(deals, List.of(a, b)));

        // As of the end of 1 June (no snapshot was ever taken): A5 (close 30 June) and B6 (close 30 September).
        LocalDate june1 = LocalDate.parse("2026-06-01");
        for (Rep rep : List.of(a, b)) {
            List<Version> then = openAsOf(rep, june1);
            assertPipeline(metric("pipeline", Map.of("repId", rep.id(), "asOf", "2026-06-01")), then);
            assertPipeline(metric("pipeline", Map.of("repId", rep.id(), "asOf", "2026-06-01", "period", "2026-Q3")),
                    then.stream().filter(x -> x.expectedClose().compareTo("2026-07-01") >= 0
                            && x.expectedClose().compareTo("2026-09-30") <= 0).toList());
        }
        assertEquals(1, openAsOf(a, june1).size());
        assertEquals(1, openAsOf(b, june1).size());
        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("asOf", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString())
                .when().get("/api/v1/sales/metrics/pipeline").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().header("Authorization", TestTokens.bearer("admin")).queryParam("rollUp", "yesterday")
                .when().get("/api/v1/sales/metrics/pipeline").then().statusCode(400)
                .body("errors[0].field", equalTo("rollUp"));
    }

    @Test
    void theWaterfallsCountIdentityHoldsWithIncreasedDealsCountedOnce() {
        // Rep B over Q3, deals open with a close date in Q3: at the start B3, B5, B6; B6 rises, B5 is won, B3 lost.
        JsonPath w = metric("pipeline-movement", Map.of("from", "2026-07-01", "to", "2026-09-30", "repId", b.id()));
        Deal b3 = deal("B3");
        Deal b5 = deal("B5");
        Deal b6 = deal("B6");
        BigDecimal starting = amount(b3, 0).add(amount(b5, 0)).add(amount(b6, 0));
        assertEquals(3, w.getInt("starting.count"));
        assertEquals(starting.setScale(2), w.getObject("starting.amount", BigDecimal.class));
        assertEquals(amount(b6, 1).subtract(amount(b6, 0)).setScale(2), w.getObject("increased.amount", BigDecimal.class));
        assertEquals(1, w.getInt("increased.count"));
        assertEquals(b5.wonAmount().setScale(2), w.getObject("won.amount", BigDecimal.class));
        assertEquals(amount(b3, 2).setScale(2), w.getObject("lost.amount", BigDecimal.class));
        assertEquals(amount(b6, 1).setScale(2), w.getObject("ending.amount", BigDecimal.class));
        int countIdentity = w.getInt("starting.count") + w.getInt("new.count") + w.getInt("pulledIn.count")
                - w.getInt("pushedOut.count") - w.getInt("won.count") - w.getInt("lost.count");
        assertEquals(w.getInt("ending.count"), countIdentity);
        assertEquals(1, w.getInt("ending.count"));
        BigDecimal amountIdentity = w.getObject("starting.amount", BigDecimal.class)
                .add(w.getObject("new.amount", BigDecimal.class)).add(w.getObject("increased.amount", BigDecimal.class))
                .subtract(w.getObject("decreased.amount", BigDecimal.class))
                .add(w.getObject("pulledIn.amount", BigDecimal.class))
                .subtract(w.getObject("pushedOut.amount", BigDecimal.class))
                .subtract(w.getObject("won.amount", BigDecimal.class)).subtract(w.getObject("lost.amount", BigDecimal.class));
        assertEquals(w.getObject("ending.amount", BigDecimal.class), amountIdentity);
    }

    @Test
    void duplicateLeadsWithSpacedEmailsMergeAndAWorkingGoldenLeadHasNoDisqualificationReason() {
        String disqualified = leads.get("duplicate").get(0);
        String working = leads.get("duplicate").get(1);
        var golden = given().header("Authorization", TestTokens.bearer("admin"))
                .when().get("/api/v1/sales/leads/" + disqualified + "/golden").then().statusCode(200)
                .body("qualificationStatus", equalTo("Working"))
                .body("disqualificationReason", nullValue())
                .body("members.sourceLeadId", org.hamcrest.Matchers.containsInAnyOrder(disqualified, working))
                .extract().jsonPath();
        assertEquals(leads.get("email").get(1), golden.getString("email"), "the branch lead's address survives");
        assertEquals(leads.get("email").get(0).strip(), rows(pool,
                "select email from bronze.retail_sales_leads where lead_id = $1", disqualified).get(0).getString(0),
                "trimmed before the shape check, stored trimmed");

        // Funnel of rep C's leads in 2026: the merged lead, a new one, one Converted by status and two with an
        // opportunity (C3 open; C6 won, then cancelled).
        List<Deal> leadDeals = List.of(deal("C3"), deal("C6"));
        long all = 5;
        long converted = 1 + leadDeals.size();
        long wonNow = leadDeals.stream().filter(Deal::isWonNow).count();
        assertEquals(1, leadDeals.stream().filter(d -> d.wonOn() != null).count(), "one of them was won once");
        JsonPath funnel = metric("lead-conversion", Map.of("period", "2026", "repId", c.id()));
        assertEquals(all, funnel.getLong("leads"));
        assertEquals(converted, funnel.getLong("converted"));
        assertEquals((double) converted / all, funnel.getDouble("leadConversionRate"));
        assertEquals(leadDeals.size(), funnel.getLong("opportunities"));
        assertEquals(wonNow, funnel.getLong("won"), "won means won now");
    }

    // --- the organisation ---

    private static String rep(Rep rep, String team, String effectiveDate) {
        return toJson(fields("repId", rep.id(), "name", "Rep " + rep.id(), "team", team, "quotaAmount",
                rep.annualQuota(), "quotaPeriod", "2026", "commissionPlanId", plan, "active", true,
                "effectiveDate", effectiveDate));
    }

    private static Version v(String day, String stage, int amount, String close) {
        return new Version(null, day, stage, amount, close);
    }

    private static void deal(String name, String account, Rep rep, String source, Version... versions) {
        String id = unique("AUD-" + name);
        ids.put(name, id);
        String accountId = "ACC-" + account + "-" + plan;
        List<Version> own = new ArrayList<>();
        for (Version x : versions) {
            own.add(new Version(id, x.day(), x.stage(), x.amount(), x.expectedClose()));
        }
        VERSIONS.addAll(own);
        SHAPES.put(id, new Deal(id, accountId, rep, source, own));
    }

    private static void send(List<Version> versions) {
        List<String> records = new ArrayList<>();
        for (Version x : versions) {
            Deal shape = SHAPES.get(x.opportunityId());
            records.add(toJson(fields("opportunityId", x.opportunityId(), "accountId", shape.account(),
                    "ownerId", shape.rep().id(), "stage", x.stage(), "amount", x.amount(), "currency", "EUR",
                    "productInterest", "loan", "leadSource", shape.leadSource(), "expectedCloseDate", x.expectedClose(),
                    "createdDate", shape.created().toString(), "lossReason", x.stage().equals(LOST) ? "Cancelled" : null,
                    "campaignId", shape.id().equals(ids.get("C4")) ? campaign() : null,
                    "leadId", shape.id().equals(ids.get("C3")) ? "AUD-LEAD-OPP-" + plan
                            : shape.id().equals(ids.get("C6")) ? "AUD-LEAD-WON-" + plan : null,
                    "updatedAt", x.day() + "T10:00:00Z")));
        }
        SalesTestApi.promoted(SalesTestApi.postBatch("opportunities", records));
    }

    /** The one campaign of the organisation: rep C's C4, the next deal of the account whose only win was cancelled. */
    private static String campaign() {
        return "AUD-CMP-" + plan;
    }

    @Test
    void cacCountsTheAccountWhoseOnlyWinWasCancelledAsNewWithItsNextWin() {
        // The auditor's new customers of Q3 for the campaign: accounts whose first *currently* won deal is in Q3 and
        // carries the campaign. Y3's B3 (won 10 July, cancelled 20 July) does not count; C4 (won 5 August) does.
        LocalDate from = LocalDate.parse("2026-07-01");
        LocalDate to = LocalDate.parse("2026-09-30");
        Map<String, Deal> firstWon = new HashMap<>();
        for (Deal d : deals) {
            if (d.isWonNow()) {
                firstWon.merge(d.account(), d, (x, y) -> x.wonOn().isBefore(y.wonOn())
                        || x.wonOn().equals(y.wonOn()) && x.id().compareTo(y.id()) <= 0 ? x : y);
            }
        }
        long newForCampaign = firstWon.values().stream().filter(d -> d.id().equals(ids.get("C4")))
                .filter(d -> !d.wonOn().isBefore(from) && !d.wonOn().isAfter(to)).count();
        assertEquals(1, newForCampaign, "C4 is Y3's first currently won deal");
        String cost = unique("AUD-COST");
        SalesTestApi.promoted(SalesTestApi.putRecord("costs", cost, toJson(fields("costId", cost, "period", "2026-08",
                "campaignId", campaign(), "costCategory", "marketing", "amount", 1200, "currency", "EUR"))));
        JsonPath cac = given().header("Authorization", TestTokens.bearer("marketing")).config(DECIMALS)
                .queryParam("period", "2026-Q3").when().get("/api/v1/sales/metrics/cac").then().statusCode(200)
                .extract().jsonPath();
        String mine = "byCampaign.find { it.campaignId == '" + campaign() + "' }";
        assertEquals(new BigDecimal("1200.00"), cac.getObject(mine + ".cost", BigDecimal.class));
        assertEquals(newForCampaign, cac.getLong(mine + ".newCustomers"));
        assertEquals(new BigDecimal("1200.00").divide(BigDecimal.valueOf(newForCampaign)).setScale(2),
                cac.getObject(mine + ".cac", BigDecimal.class));
    }

    private static void loadLeads() {
        String u = plan.substring(plan.length() - 8);
        String spaced = "  Ana.Audit" + u + "@Example.com ";
        String clean = "ana.audit" + u + "@example.com";
        String disqualified = unique("AUD-LEAD");
        String working = unique("AUD-LEAD");
        SalesTestApi.promoted(SalesTestApi.postBatch("leads", List.of(
                lead(disqualified, "Web Form", "Disqualified", "No budget", "2026-01-10", spaced),
                lead(working, "Branch", "Working", null, "2026-02-01", clean),
                lead(unique("AUD-LEAD"), "Event", "New", null, "2026-02-01", null),
                lead(unique("AUD-LEAD"), "Call Center", "Converted", null, "2026-03-01", null),
                lead("AUD-LEAD-OPP-" + plan, "Web Form", "Working", null, "2026-04-01", null),
                lead("AUD-LEAD-WON-" + plan, "Event", "Working", null, "2026-05-01", null))));
        leads = Map.of("duplicate", List.of(disqualified, working), "email", List.of(spaced, clean));
    }

    private static String lead(String id, String source, String status, String reason, String created,
            String email) {
        return toJson(fields("leadId", id, "firstName", "Ana", "lastName", "Audit" + id, "email", email,
                "source", source, "qualificationStatus", status, "disqualificationReason", reason,
                "assignedSalesRep", c.id(),
                "createdDate", created, "updatedAt", created + "T10:00:00Z"));
    }

    private static void report(Rep rep, String opportunity, String type, BigDecimal amount, LocalDate quarter) {
        String id = unique("AUD-COM");
        SalesTestApi.promoted(SalesTestApi.putRecord("commissions/reported", id, toJson(fields("commissionId", id,
                "repId", rep.id(),
                "opportunityId", opportunity, "commissionType", type, "amount", amount, "currency", "EUR",
                "period", quarter.getYear() + "-Q" + ((quarter.getMonthValue() - 1) / 3 + 1), "paid", true))));
    }

    // --- reading the service ---

    private List<String> ledger(String opportunityId) {
        return rows(pool, "select commission_type, line_kind, amount, line_date from silver.retail_sales_commission_line"
                + " where opportunity_id = $1 order by line_id", opportunityId).stream()
                .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getBigDecimal(2).toPlainString() + " "
                        + r.getLocalDate(3))
                .toList();
    }

    /** What the deal earned from the first delivery alone (before its reversal arrived). */
    private static String firstDelivery(String name) {
        List<Version> first = VERSIONS.stream().filter(x -> x.day().compareTo("2026-04-01") < 0).toList();
        return AuditOrganisation.commissions(AuditOrganisation.deals(first, SHAPES)).get(ids.get(name)).net()
                .toPlainString();
    }

    private BigDecimal net(String opportunityId) {
        return rows(pool, "select coalesce(sum(amount), 0.00) from silver.retail_sales_commission_line"
                + " where opportunity_id = $1", opportunityId).get(0).getBigDecimal(0).setScale(2);
    }

    /** The type whose lines net to something (or the last booked, for a deal netting 0). */
    private String currentType(String opportunityId) {
        var types = rows(pool, "select commission_type, sum(amount), max(line_id) from"
                + " silver.retail_sales_commission_line where opportunity_id = $1 group by 1 order by 2 desc, 3 desc",
                opportunityId);
        return types.get(0).getString(0);
    }

    private static JsonPath metric(String name, Map<String, ?> params) {
        return given().config(DECIMALS).header("Authorization", TestTokens.bearer("admin"))
                .queryParams(params).when().get("/api/v1/sales/metrics/" + name).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath attainment(Map<String, ?> params) {
        return metric("quota-attainment", params);
    }

    private static JsonPath commissions(Map<String, ?> params) {
        return metric("commissions", params);
    }

    private static BigDecimal repFigure(JsonPath attainment, Rep rep, String field) {
        return attainment.getObject("reps.find { it.repId == '" + rep.id() + "' }." + field, BigDecimal.class);
    }

    private static Deal deal(String name) {
        return deals.stream().filter(d -> d.id().equals(ids.get(name))).findFirst().orElseThrow();
    }

    private static BigDecimal amount(Deal deal, int version) {
        return BigDecimal.valueOf(deal.versions().get(version).amount());
    }

    /** The current version of each open deal of the reps. */
    private static List<Version> open(List<Deal> deals, List<Rep> reps) {
        return deals.stream().filter(d -> reps.contains(d.rep()) && !d.current().stage().startsWith("Closed"))
                .map(Deal::current).toList();
    }

    /** The version of each of the rep's deals in force at the end of the day, where it is open. */
    private static List<Version> openAsOf(Rep rep, LocalDate day) {
        List<Version> open = new ArrayList<>();
        for (Deal d : deals) {
            if (d.rep() != rep) {
                continue;
            }
            d.versions().stream().filter(x -> !x.date().isAfter(day)).reduce((x, y) -> y)
                    .filter(x -> !x.stage().startsWith("Closed")).ifPresent(open::add);
        }
        return open;
    }

    private static void assertPipeline(JsonPath pipeline, List<Version> open) {
        assertEquals(open.size(), pipeline.getLong("count"), () -> "open: " + open);
        assertEquals(BigDecimal.valueOf(open.stream().mapToLong(Version::amount).sum()).setScale(2),
                pipeline.getObject("amount", BigDecimal.class));
        Map<String, Long> byStage = open.stream().collect(Collectors.groupingBy(Version::stage, Collectors.counting()));
        byStage.forEach((stage, n) -> assertEquals(n,
                pipeline.getLong("stages.find { it.stage == '" + stage + "' }.count"), stage));
    }
}
