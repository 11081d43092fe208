package org.retailcx.sales.comp;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.retailcx.sales.SalesTestApi;
import org.retailcx.testing.TestTokens;


import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

/** Records and calls the commission tests share. Ids carry a per-test suffix: test classes share one database. */
final class CompTestData {

    private CompTestData() {
    }

    static Map<String, Object> rec(Object... keyValues) {
        return SalesTestApi.fields(keyValues);
    }

    /** A rep on a plan (or, with planId null, on their own rate) with a quarterly quota, from 2026-01-01. */
    static void rep(String repId, String planId, Object quota, Object rate) {
        put("reps", repId, rec("repId", repId, "name", "Rep " + repId, "team", "Team " + repId, "quotaAmount", quota,
                "quotaPeriod", "2026-Q4", "commissionRate", rate, "commissionPlanId", planId, "active", true,
                "effectiveDate", "2020-01-01"));
    }

    /** A version of an opportunity as the CRM sends it at {@code updatedAt} (which dates the win). */
    static ValidatableResponse opportunity(String id, String account, String rep, String stage, Object amount,
            String leadSource, String campaign, String updatedAt) {
        return put("opportunities", id, rec("opportunityId", id, "accountId", account, "ownerId", rep, "stage", stage,
                "amount", amount, "currency", "EUR", "productInterest", "loan", "leadSource", leadSource,
                "campaignId", campaign, "updatedAt", updatedAt));
    }

    static ValidatableResponse put(String source, String id, Map<String, Object> record) {
        return SalesTestApi.promoted(SalesTestApi.putRecord(source, id, SalesTestApi.toJson(record)));
    }

    static ValidatableResponse putPlan(String planId, Map<String, Object> plan) {
        return given().header("Authorization", TestTokens.bearer("admin")).contentType(ContentType.JSON)
                .body(SalesTestApi.toJson(plan)).when().put("/api/v1/sales/commission-plans/" + planId).then();
    }

    /** New Account 5 %, Cross-Sell 3 %, Referral 2 %; quarterly; ×1 to 100 %, ×1.5 to 120 %, ×2 above. */
    static Map<String, Object> standardPlan(boolean retroactive, int clawbackWindowDays) {
        return rec("name", "Standard", "quotaPeriod", "quarter",
                "rates", rec("New Account", 0.05, "Cross-Sell", 0.03, "Referral", 0.02),
                "tiers", List.of(rec("fromPercent", 0, "toPercent", 100, "multiplier", 1.0),
                        rec("fromPercent", 100, "toPercent", 120, "multiplier", 1.5),
                        rec("fromPercent", 120, "multiplier", 2.0)),
                "retroactive", retroactive, "clawbackWindowDays", clawbackWindowDays);
    }

    /** The ledger lines of an opportunity, oldest first, as "kind amount". */
    static List<String> lines(Pool pool, String opportunityId) {
        return SalesTestApi.rows(pool, "select line_kind, amount from silver.retail_sales_commission_line where opportunity_id = $1"
                + " order by line_id", opportunityId).stream()
                .map(r -> r.getString(0) + " " + r.getBigDecimal(1).toPlainString()).toList();
    }
}
