package org.retailcx.sales.leads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailcx.sales.SalesTestApi.unique;
import static org.retailcx.sales.leads.LeadsTestSupport.awaitEvents;
import static org.retailcx.sales.leads.LeadsTestSupport.batch;
import static org.retailcx.sales.leads.LeadsTestSupport.get;
import static org.retailcx.sales.leads.LeadsTestSupport.json;
import static org.retailcx.sales.leads.LeadsTestSupport.put;
import static org.retailcx.sales.leads.LeadsTestSupport.query;
import static org.retailcx.sales.leads.LeadsTestSupport.rep;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventCatalog;
import org.retailcx.schema.EventJson;
import org.retailcx.schema.EventSchemas;
import org.retailcx.schema.Topics;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** Quarantine rules, activity enrichment, the conversion fact and funnel, referral and conversion events. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class LeadsPipelineTest {

    private static final KafkaTestClient KAFKA = KafkaTestClient.forTestInfrastructure();

    static {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Inject
    Pool pool;

    @ConfigProperty(name = "retailcx.kafka.topic-prefix")
    String topicPrefix;

    @AfterAll
    static void closeKafka() {
        KAFKA.close();
    }

    @Test
    void inconsistentRecordsAreQuarantinedWithTheRuleAndNeverReachSilver() {
        String u = unique("q");
        String repId = "REP-" + u;
        put("reps", repId, rep(repId)).statusCode(200);
        String badLead = "L-" + u;
        batch("leads", List.of(
                json("leadId", badLead, "source", "Fax", "leadGrade", "E", "leadScore", 150,
                        "qualificationStatus", "Disqualified", "assignedSalesRep", "REP-nobody-" + u,
                        "productInterest", "yacht"))).statusCode(200);
        assertRules("leads", badLead, "source.known", "grade.known", "score.range", "disqualificationReason.required",
                "assignedSalesRep.known", "productInterest.known");
        get("/api/v1/sales/leads/" + badLead + "/golden", "admin").statusCode(404);

        String act = "A-" + u;
        String act2 = "A2-" + u;
        batch("activities", List.of(
                json("activityId", act, "activityType", "Tweet", "completedBy", "REP-nobody-" + u,
                        "durationMinutes", -5),
                json("activityId", act2, "activityType", "Call", "leadId", "L-x", "completedBy", repId)))
                .statusCode(200);
        assertRules("activities", act, "activityType.known", "reference.required", "completedBy.known",
                "durationMinutes.non-negative");
        assertEquals(0L, query(pool, "select count(*) from silver.retail_sales_activity_enriched where activity_id = $1",
                act).iterator().next().getLong(0));
        assertEquals(1L, query(pool, "select count(*) from gold.fact_sales_activities where activity_id = $1",
                act2).iterator().next().getLong(0));

        String quote = "Q-" + u;
        put("quotes", quote, json("quoteId", quote, "status", "Maybe", "quotedAmount", -1, "quotedRate", 120,
                "issuedDate", "2026-03-10", "expirationDate", "2026-03-01")).statusCode(200);
        assertRules("quotes", quote, "status.known", "quotedAmount.non-negative", "quotedRate.range",
                "expirationDate.after-issued");
        // a later valid version resolves the entries and reaches silver
        put("quotes", quote, json("quoteId", quote, "status", "Sent", "quotedAmount", 1000, "quotedRate", 4.5,
                "issuedDate", "2026-03-10", "expirationDate", "2026-04-10")).statusCode(200);
        get("/api/v1/sales/quarantine?source=quotes&recordId=" + quote, "admin").statusCode(200)
                .body("items", hasSize(0));
        assertEquals("Sent", query(pool, "select status from silver.retail_sales_quote_current where quote_id = $1",
                quote).iterator().next().getString(0));

        String referral = "R-" + u;
        put("referrals", referral, json("referralId", referral, "referrerCustomerId", "C-" + u, "status", "Lost",
                "rewardAmount", -5, "referralDate", "2026-03-10", "conversionDate", "2026-03-01")).statusCode(200);
        assertRules("referrals", referral, "status.known", "rewardAmount.non-negative", "conversionDate.after-referral");
    }

    @Test
    void referralConvertedIsAnnouncedOnceKeyedByTheReferredCustomer() throws Exception {
        String u = unique("r");
        String referral = "R-" + u;
        String pending = json("referralId", referral, "referrerCustomerId", "CUST-A-" + u, "status", "Pending",
                "rewardAmount", 50, "referralDate", "2026-03-01");
        String converted = json("referralId", referral, "referrerCustomerId", "CUST-A-" + u,
                "referredCustomerId", "CUST-B-" + u, "status", "Converted", "rewardAmount", 50,
                "referralDate", "2026-03-01", "conversionDate", "2026-03-20");
        put("referrals", referral, pending).statusCode(200).body("eventsQueued", equalTo(0));
        put("referrals", referral, converted).statusCode(200).body("eventsQueued", equalTo(1));
        put("referrals", referral, converted).statusCode(200).body("eventsQueued", equalTo(0));

        String topic = topicPrefix + Topics.SALES_REFERRAL;
        var event = awaitEvents(KAFKA, topic, EventCatalog.SALES_REFERRAL_CONVERTED.type(),
                r -> referral.equals(KafkaTestClient.header(r, "ce_subject")), 1).get(0);
        assertEquals("CUST-B-" + u, event.key());
        var data = EventJson.mapper().readTree(event.value());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.SALES_REFERRAL_CONVERTED, data));
        assertEquals("CUST-A-" + u, data.get("referrerCustomerId").asText());
        assertEquals(50, data.get("rewardAmount").asInt());
    }

    /**
     * Five leads of one rep created in February 2026 (one more in April): L1 New, L2 Qualified, L3 converted to an
     * open opportunity, L4 converted to a won one, L5 disqualified. Funnel for February: 5 leads, 3 qualified
     * (L2, L3, L4), 2 opportunities, 1 won; lead → opportunity 10 days for both, opportunity → won 15 days.
     */
    @Test
    void funnelNumbersActivityAttributionAndTheConversionEvent() throws Exception {
        String u = unique("f");
        String repId = "REP-" + u;
        String account = "ACC-" + u;
        put("reps", repId, rep(repId)).statusCode(200);
        batch("leads", List.of(
                lead("L1-" + u, repId, "New", "2026-02-01", "Web Form"),
                lead("L2-" + u, repId, "Qualified", "2026-02-03", "Branch"),
                lead("L3-" + u, repId, "Working", "2026-02-05", "Branch"),
                lead("L4-" + u, repId, "Converted", "2026-02-10", "Event"),
                json("leadId", "L5-" + u, "source", "Web Form", "assignedSalesRep", repId,
                        "qualificationStatus", "Disqualified", "disqualificationReason", "no interest",
                        "createdDate", "2026-02-12", "email", "l5-" + u + "@example.org"),
                lead("L6-" + u, repId, "New", "2026-04-01", "Web Form"))).statusCode(200);
        batch("opportunities", List.of(
                opportunity("O3-" + u, account + "-3", "L3-" + u, repId, "Proposal", "2026-02-15",
                        "2026-02-15T09:00:00Z"),
                opportunity("O4-" + u, account, "L4-" + u, repId, "Prospecting", "2026-02-20",
                        "2026-02-20T09:00:00Z"))).statusCode(200);
        put("opportunities", "O4-" + u, opportunity("O4-" + u, account, "L4-" + u, repId, "Closed Won",
                "2026-02-20", "2026-03-07T09:00:00Z")).statusCode(200);

        get("/api/v1/sales/metrics/lead-conversion?period=2026-02&repId=" + repId, "admin").statusCode(200)
                .body("from", equalTo("2026-02-01")).body("to", equalTo("2026-02-28"))
                .body("leads", equalTo(5)).body("qualified", equalTo(3)).body("opportunities", equalTo(2))
                .body("won", equalTo(1)).body("wonCustomers", equalTo(1))
                .body("stages.stage", org.hamcrest.Matchers.contains("leads", "qualified", "opportunities", "won"))
                .body("stages[1].rateFromPrevious", closeTo(0.6, 1e-9))
                .body("stages[2].rateFromPrevious", closeTo(2.0 / 3, 1e-9))
                .body("stages[3].rateFromPrevious", closeTo(0.5, 1e-9))
                .body("stages[3].rateFromLeads", closeTo(0.2, 1e-9))
                .body("avgDaysLeadToOpportunity", closeTo(10.0, 1e-9))
                .body("avgDaysOpportunityToWon", closeTo(15.0, 1e-9))
                .body("avgDaysLeadToWon", closeTo(25.0, 1e-9));
        get("/api/v1/sales/metrics/lead-conversion?period=2026-02&repId=" + repId + "&source=Branch", "marketing")
                .statusCode(200).body("leads", equalTo(2)).body("opportunities", equalTo(1)).body("won", equalTo(0));
        get("/api/v1/sales/metrics/lead-conversion?period=2026-02&repId=" + repId + "&product=loan", "admin")
                .statusCode(200).body("leads", equalTo(2)).body("won", equalTo(1));
        get("/api/v1/sales/metrics/lead-conversion?period=2026&repId=" + repId, "admin").statusCode(200)
                .body("leads", equalTo(6));
        get("/api/v1/sales/metrics/lead-conversion?period=2026-02&team=Retail East-" + repId, "admin")
                .statusCode(200).body("leads", equalTo(5)).body("won", equalTo(1));
        get("/api/v1/sales/metrics/lead-conversion?period=someday", "admin").statusCode(400);
        get("/api/v1/sales/metrics/lead-conversion?period=2026", "cx-analyst").statusCode(403);

        // lead.converted for L3 and L4, keyed by the customer
        String topic = topicPrefix + Topics.SALES_LEAD;
        long golden4 = goldenIdOf("L4-" + u);
        var converted = awaitEvents(KAFKA, topic, EventCatalog.SALES_LEAD_CONVERTED.type(),
                r -> Long.toString(golden4).equals(KafkaTestClient.header(r, "ce_subject")), 1).get(0);
        assertEquals(account, converted.key());
        var data = EventJson.mapper().readTree(converted.value());
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.SALES_LEAD_CONVERTED, data));
        assertEquals("O4-" + u, data.get("opportunityId").asText());

        // activities: attributed through the opportunity to the golden lead, its account and campaign
        batch("activities", List.of(
                json("activityId", "A1-" + u, "activityType", "Call", "opportunityId", "O4-" + u,
                        "completedBy", repId, "outcome", "Connected", "completedDate", "2026-02-21T10:00:00Z",
                        "durationMinutes", 15),
                json("activityId", "A2-" + u, "activityType", "Meeting", "leadId", "L2-" + u,
                        "completedBy", repId, "outcome", "Held", "completedDate", "2026-02-22T10:00:00Z",
                        "durationMinutes", 60),
                json("activityId", "A3-" + u, "activityType", "Call", "leadId", "L1-" + u,
                        "completedBy", repId, "outcome", "Connected", "completedDate", "2026-02-23T10:00:00Z",
                        "durationMinutes", 5))).statusCode(200);
        Row a1 = query(pool, "select * from silver.retail_sales_activity_enriched where activity_id = $1", "A1-" + u)
                .iterator().next();
        assertEquals(golden4, a1.getLong("golden_lead_id"));
        assertEquals(account, a1.getString("account_id"));
        assertEquals("CMP-" + u, a1.getString("campaign_id"));
        assertEquals(repId, a1.getString("rep_id"));
        Row a2 = query(pool, "select * from silver.retail_sales_activity_enriched where activity_id = $1", "A2-" + u)
                .iterator().next();
        assertEquals(goldenIdOf("L2-" + u), a2.getLong("golden_lead_id"));
        assertNull(a2.getString("opportunity_id"));
        Row fact = query(pool, "select f.date_key, t.activity_type, c.campaign_id from gold.fact_sales_activities f"
                + " join gold.dim_activity_type t using (activity_type_key) join gold.dim_campaign c using (campaign_key)"
                + " where f.activity_id = $1", "A1-" + u).iterator().next();
        assertEquals(20260221, fact.getInteger(0));
        assertEquals("Call", fact.getString(1));
        assertEquals("CMP-" + u, fact.getString(2));

        get("/api/v1/sales/metrics/activities?period=2026-02&repId=" + repId, "admin").statusCode(200)
                .body("activities", equalTo(3))
                .body("byRepTypeOutcome", hasSize(2))
                .body("byRepTypeOutcome.activityType", containsInAnyOrder("Call", "Meeting"))
                .body("byRepTypeOutcome.find { it.activityType == 'Call' }.activities", equalTo(2))
                .body("byRepTypeOutcome.find { it.activityType == 'Call' }.durationMinutes", equalTo(20));

        // a rebuild reproduces the same numbers
        given().header("Authorization", TestTokens.bearer("admin")).when().post("/api/v1/sales/admin/rebuild")
                .then().statusCode(200);
        get("/api/v1/sales/metrics/lead-conversion?period=2026-02&repId=" + repId, "admin").statusCode(200)
                .body("leads", equalTo(5)).body("qualified", equalTo(3)).body("opportunities", equalTo(2))
                .body("won", equalTo(1));
        get("/api/v1/sales/metrics/activities?period=2026-02&repId=" + repId, "admin").statusCode(200)
                .body("activities", equalTo(3));
        get("/api/v1/sales/leads/L1-" + u + "/golden", "admin").statusCode(200)
                .body("convertedOpportunityId", nullValue());
        assertEquals(1, KAFKA.readFor(topic, r -> EventCatalog.SALES_LEAD_CONVERTED.type().equals(
                KafkaTestClient.header(r, "ce_type")) && Long.toString(golden4).equals(
                        KafkaTestClient.header(r, "ce_subject")), Duration.ofSeconds(2)).size());
        assertEveryFactKeyResolves();
    }

    /**
     * Gold facts carry no foreign keys (their keys are looked up from the dimensions as they are written): every key
     * of every sales fact, written incrementally or by the rebuild above, names a row of its dimension.
     */
    private void assertEveryFactKeyResolves() {
        String[][] keys = {
                { "fact_sales_activities", "date_key", "dim_date" },
                { "fact_sales_activities", "activity_type_key", "dim_activity_type" },
                { "fact_sales_activities", "campaign_key", "dim_campaign" },
                { "fact_sales_conversions", "lead_created_date_key", "dim_date", "date_key" },
                { "fact_sales_conversions", "lead_source_key", "dim_lead_source" },
                { "fact_sales_conversions", "campaign_key", "dim_campaign" },
                { "fact_sales_conversions", "product_key", "dim_product" },
                { "fact_sales_conversions", "rep_key", "dim_sales_rep" },
                { "fact_sales_commissions", "date_key", "dim_date" },
                { "fact_sales_commissions", "product_key", "dim_product" },
                { "fact_sales_opportunities", "stage_key", "dim_sales_stage" },
                { "fact_sales_opportunities", "product_key", "dim_product" },
                { "fact_sales_opportunities", "lead_source_key", "dim_lead_source" },
                { "fact_sales_opportunities", "rep_key", "dim_sales_rep" },
                { "fact_sales_opportunities", "campaign_key", "dim_campaign" },
                { "fact_sales_opportunities", "created_date_key", "dim_date", "date_key" } };
        for (String[] key : keys) {
            String dimKey = key.length > 3 ? key[3] : key[1];
            Row row = query(pool, ("select count(f.%2$s), count(*) filter (where f.%2$s is not null and not exists"
                    + " (select 1 from gold.%3$s d where d.%4$s = f.%2$s)) from gold.%1$s f")
                    .formatted(key[0], key[1], key[2], dimKey)).iterator().next();
            if (!key[0].equals("fact_sales_commissions")) {
                assertTrue(row.getLong(0) > 0, key[0] + "." + key[1] + " has values to check");
            }
            assertEquals(0L, row.getLong(1), key[0] + "." + key[1] + " names no " + key[2] + " row");
        }
    }

    @Test
    void anActivityThatArrivesBeforeItsLeadAndOpportunityIsAttributedWhenTheyArrive() {
        String u = unique("late");
        String repId = "REP-" + u;
        put("reps", repId, rep(repId)).statusCode(200);
        put("activities", "A-" + u, json("activityId", "A-" + u, "activityType", "Demo", "leadId", "L-" + u,
                "opportunityId", "O-" + u, "completedBy", repId, "completedDate", "2026-05-02T10:00:00Z"))
                .statusCode(200);
        assertNull(query(pool, "select golden_lead_id from silver.retail_sales_activity_enriched"
                + " where activity_id = $1", "A-" + u).iterator().next().getLong(0));
        put("leads", "L-" + u, lead("L-" + u, repId, "New", "2026-05-01", "Event")).statusCode(200);
        put("opportunities", "O-" + u, opportunity("O-" + u, "ACC-" + u, "L-" + u, repId, "Prospecting",
                "2026-05-03", "2026-05-03T09:00:00Z")).statusCode(200);
        Row row = query(pool, "select e.golden_lead_id, e.account_id, f.golden_lead_id from"
                + " silver.retail_sales_activity_enriched e join gold.fact_sales_activities f using (activity_id)"
                + " where e.activity_id = $1", "A-" + u).iterator().next();
        assertEquals(goldenIdOf("L-" + u), row.getLong(0));
        assertEquals("ACC-" + u, row.getString(1));
        assertEquals(goldenIdOf("L-" + u), row.getLong(2));
    }

    private static String lead(String id, String repId, String status, String created, String source) {
        return json("leadId", id, "source", source, "assignedSalesRep", repId, "qualificationStatus", status,
                "createdDate", created, "email", id.toLowerCase() + "@example.org",
                "campaignId", "CMP-" + id.substring(id.indexOf('-') + 1));
    }

    private static String opportunity(String id, String account, String leadId, String repId, String stage,
            String created, String updatedAt) {
        return json("opportunityId", id, "accountId", account, "leadId", leadId, "ownerId", repId, "stage", stage,
                "amount", 5000, "currency", "EUR", "productInterest", "loan", "createdDate", created,
                "updatedAt", updatedAt, "expectedCloseDate", "2026-03-31");
    }

    private static long goldenIdOf(String leadId) {
        return get("/api/v1/sales/leads/" + leadId + "/golden", "admin").statusCode(200)
                .extract().jsonPath().getLong("goldenLeadId");
    }

    private static void assertRules(String source, String recordId, String... rules) {
        get("/api/v1/sales/quarantine?source=" + source + "&recordId=" + recordId, "admin").statusCode(200)
                .body("items.rule", containsInAnyOrder(rules));
    }
}
