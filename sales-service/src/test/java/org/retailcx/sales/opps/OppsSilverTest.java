package org.retailcx.sales.opps;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.retailcx.sales.SalesTestApi.rows;
import static org.retailcx.sales.SalesTestApi.unique;
import static org.retailcx.sales.opps.OppsTestData.batch;
import static org.retailcx.sales.opps.OppsTestData.opportunity;
import static org.retailcx.sales.opps.OppsTestData.put;
import static org.retailcx.sales.opps.OppsTestData.repIn;
import static org.retailcx.sales.opps.OppsTestData.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.sales.opps.OppsTestData.Rec;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OppsSilverTest {

    @Inject
    Pool pool;

    @Test
    void goldenAndHistoryComeFromAllValidVersionsWhateverOrderTheyArriveIn() {
        String rep = unique("REP");
        repIn(rep, unique("TER"), "Team A");
        String id = unique("OPP");
        Rec v1 = opportunity(id, "ACC-1", rep, "Prospecting", 1000).with("expectedCloseDate", "2026-12-31")
                .with("createdDate", "2026-10-01").with("updatedAt", "2026-10-01T10:00:00Z");
        Rec v2 = v1.copy().with("stage", "Qualification").with("probability", 30).with("updatedAt", "2026-10-05T10:00:00Z");
        Rec v3 = v2.copy().with("stage", "Proposal").with("amount", 1500).with("probability", 50)
                .with("expectedCloseDate", "2027-01-15").with("updatedAt", "2026-10-10T10:00:00Z");
        Rec v4 = v3.copy().with("stage", "Closed Won").with("probability", 100).with("updatedAt", "2026-10-20T09:30:00Z");

        put("opportunities", id, v4);
        batch("opportunities", v2, v1, v3);
        put("opportunities", id, v2); // a re-sent version changes nothing

        List<Row> history = rows(pool, """
                select stage_from, stage_to, amount_from, amount_to, probability_from, probability_to, close_date_from,
                       close_date_to, changed_at from silver.retail_sales_opportunity_history
                where opportunity_id = $1 order by changed_at""", id);
        assertEquals(List.of("Prospecting", "Qualification", "Proposal", "Closed Won"),
                history.stream().map(r -> r.getString("stage_to")).toList());
        assertNull(history.get(0).getString("stage_from"));
        assertEquals(0, new BigDecimal("10").compareTo(history.get(0).getBigDecimal("probability_to")),
                "no probability sent: the stage's default");
        Row proposal = history.get(2);
        assertEquals("Qualification", proposal.getString("stage_from"));
        assertEquals(0, new BigDecimal("1000").compareTo(proposal.getBigDecimal("amount_from")));
        assertEquals(0, new BigDecimal("1500").compareTo(proposal.getBigDecimal("amount_to")));
        assertEquals(0, new BigDecimal("30").compareTo(proposal.getBigDecimal("probability_from")));
        assertEquals(LocalDate.parse("2026-12-31"), proposal.getLocalDate("close_date_from"));
        assertEquals(LocalDate.parse("2027-01-15"), proposal.getLocalDate("close_date_to"));

        Row golden = row(pool, "select * from silver.retail_sales_opportunity_golden where opportunity_id = $1", id);
        assertEquals("Closed Won", golden.getString("stage"));
        assertEquals(0, new BigDecimal("1500").compareTo(golden.getBigDecimal("amount")));
        assertEquals(LocalDate.parse("2026-10-01"), golden.getLocalDate("created_date"));
        assertEquals(OffsetDateTime.parse("2026-10-20T09:30:00Z").toInstant(),
                golden.getOffsetDateTime("stage_entered_at").toInstant());
        assertEquals(LocalDate.parse("2026-10-20"), golden.getLocalDate("closed_date"));
        assertEquals(LocalDate.parse("2026-10-20"), golden.getLocalDate("won_date"));
        assertTrue(golden.getBoolean("is_closed"));
        assertTrue(golden.getBoolean("is_won"));
        assertEquals(5, golden.getInteger("version_count"));
    }

    @Test
    void aLateOlderVersionDoesNotOverwriteTheNewerState() {
        String rep = unique("REP");
        repIn(rep, unique("TER"), "Team A");
        String id = unique("OPP");
        put("opportunities", id, opportunity(id, "ACC-2", rep, "Negotiation", 800).with("updatedAt", "2026-11-02T00:00:00Z"));
        put("opportunities", id, opportunity(id, "ACC-2", rep, "Prospecting", 500).with("updatedAt", "2026-11-01T00:00:00Z"));
        Row golden = row(pool, "select stage, amount, created_date, closed_date, is_closed from"
                + " silver.retail_sales_opportunity_golden where opportunity_id = $1", id);
        assertEquals("Negotiation", golden.getString("stage"));
        assertEquals(LocalDate.parse("2026-11-01"), golden.getLocalDate("created_date"),
                "without a CRM created date: the first version's effective date");
        assertNull(golden.getLocalDate("closed_date"));
        assertEquals(List.of("Prospecting", "Negotiation"), rows(pool, "select stage_to from"
                + " silver.retail_sales_opportunity_history where opportunity_id = $1 order by changed_at", id)
                .stream().map(r -> r.getString(0)).toList());
    }

    @Test
    void eachDataQualityRuleQuarantinesAndALaterValidVersionResolves() {
        String rep = unique("REP");
        repIn(rep, unique("TER"), "Team A");
        String p = unique("OPP");
        Rec stage = opportunity(p + "-stage", "ACC-3", rep, "Maybe", 10);
        Rec amount = opportunity(p + "-amount", "ACC-3", rep, "Proposal", -5);
        Rec probability = opportunity(p + "-probability", "ACC-3", rep, "Proposal", 10).with("probability", 120);
        Rec owner = opportunity(p + "-owner", "ACC-3", "REP-nobody", "Proposal", 10);
        Rec product = opportunity(p + "-product", "ACC-3", rep, "Proposal", 10).with("productInterest", "yacht");
        // inside the accepted calendar (1900..2199), outside the plausible 2000..2050
        Rec close = opportunity(p + "-close", "ACC-3", rep, "Proposal", 10).with("expectedCloseDate", "2100-01-01");
        Rec created = opportunity(p + "-created", "ACC-3", rep, "Proposal", 10).with("createdDate", "1970-01-01");
        Rec wonFree = opportunity(p + "-wonfree", "ACC-3", rep, "Closed Won", 0);
        Rec wonWhat = opportunity(p + "-wonwhat", "ACC-3", rep, "Closed Won", 10).with("productInterest", null);
        batch("opportunities", stage, amount, probability, owner, product, close, created, wonFree, wonWhat);

        quarantine(p + "-stage").body("items.rule", contains("stage.known")).body("items.field", contains("stage"));
        quarantine(p + "-amount").body("items.rule", contains("amount.non-negative"));
        quarantine(p + "-probability").body("items.rule", contains("probability.range"));
        quarantine(p + "-owner").body("items.rule", contains("owner.known")).body("items.field", contains("ownerId"));
        quarantine(p + "-product").body("items.rule", contains("productInterest.known"));
        quarantine(p + "-close").body("items.rule", contains("expectedCloseDate.plausible"));
        quarantine(p + "-created").body("items.rule", contains("createdDate.plausible"));
        quarantine(p + "-wonfree").body("items.rule", contains("closedWon.amount-positive"));
        quarantine(p + "-wonwhat").body("items.rule", contains("closedWon.product-required"));
        assertEquals(0, rows(pool, "select 1 from silver.retail_sales_opportunity_golden where opportunity_id like $1",
                p + "-%").size(), "nothing quarantined reaches the golden record");

        put("opportunities", p + "-amount", opportunity(p + "-amount", "ACC-3", rep, "Proposal", 5));
        quarantine(p + "-amount").body("items", empty());
        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("source", "opportunities").queryParam("recordId", p + "-amount")
                .queryParam("includeResolved", true)
                .when().get("/api/v1/sales/quarantine").then().statusCode(200)
                .body("items.rule", containsInAnyOrder("amount.non-negative"))
                .body("items[0].resolvedAt", notNullValue());
        assertEquals(0, new BigDecimal("5").compareTo(row(pool, "select amount from"
                + " silver.retail_sales_opportunity_golden where opportunity_id = $1", p + "-amount").getBigDecimal(0)));
    }

    private ValidatableResponse quarantine(String recordId) {
        return given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("source", "opportunities").queryParam("recordId", recordId)
                .when().get("/api/v1/sales/quarantine").then().statusCode(200);
    }
}
