package org.retailcx.recommendation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The gold star on the real database: a served list, its feedback (a conversion, then its correction) and an issued,
 * accepted action land in their facts with the batch's promotion; the admin rebuild reproduces the same facts.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class GoldStarApiTest {

    @Inject
    Pool pool;

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    /** The gold facts of a run, one line per row, in a stable order. */
    private List<String> facts(String run) {
        List<String> out = new ArrayList<>();
        for (String sql : List.of("""
                select 'rec ' || f.recommendation_id || ' ' || d.product_id || ' ' || a.algorithm || ' ' || c.context
                    || ' ' || f.served_date_key || ' ' || f.displayed || f.clicked || f.dismissed || f.converted
                    || ' ' || f.conversion_amount || ' ' || f.dwell_time_seconds
                from gold.fact_product_recommendations f join gold.dim_product d using (product_key)
                join gold.dim_recommendation_algorithm a using (algorithm_key)
                join gold.dim_recommendation_context c using (context_key)
                where f.customer_id like $1 order by 1""", """
                select 'conv ' || v.recommendation_id || ' ' || v.conversion_amount || ' ' || v.conversion_date_key
                    || ' ' || (v.seconds_to_convert >= 0)
                from gold.fact_recommendation_conversions v where v.customer_id like $1 order by 1""", """
                select 'nba ' || n.catalogue_action_id || ' ' || n.channel || ' ' || d.product_id || ' ' || n.accepted
                    || ' ' || coalesce(n.accepted_date_key::text, '-') || ' ' || n.issued_date_key
                from gold.fact_next_best_action_performance n left join gold.dim_product d using (product_key)
                where n.customer_id like $1 order by 1""")) {
            for (Row r : pool.preparedQuery(sql).execute(Tuple.of(run + "%")).await().atMost(Duration.ofSeconds(30))) {
                out.add(r.getString(0));
            }
        }
        return out;
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().replace("-", "");
    }

    @Test
    void servedFeedbackAndActionsReachTheirFactsAndTheRebuildReproducesThem() {
        String run = "G" + UUID.randomUUID().toString().substring(0, 8);
        String customer = run + "-C";
        JsonPath served = PlantedFamilies.loadAndServeTwo(run, "Branch");
        String first = served.getString("items[0].recommendationId");
        String second = served.getString("items[1].recommendationId");
        String product = served.getString("items[0].productId");
        String algorithm = served.getString("items[0].algorithm");

        List<String> shown = facts(run);
        assertEquals(2, shown.size(), shown::toString);
        assertTrue(shown.stream().allMatch(f -> f.contains(" " + algorithm + " Branch ") && f.contains(" falsefalsefalsefalse 0")),
                shown::toString);

        // feedback: the first converts for 120 after a click, the second is dismissed
        as("service").contentType("application/json").body("[" + String.join(",",
                RecommendationApiTest.feedback(run + "-F1", first, customer, true, false, true, "120.00", 20),
                RecommendationApiTest.feedback(run + "-F2", second, customer, false, true, false, "null", 4)) + "]")
                .when().post("/api/v1/recommendation/feedback/batch").then().statusCode(200);
        List<String> afterFeedback = facts(run);
        assertTrue(afterFeedback.contains("rec " + first + " " + product + " " + algorithm + " Branch "
                + today() + " truetruefalsetrue 120.00 20"),
                afterFeedback::toString);
        assertTrue(afterFeedback.stream().anyMatch(f -> f.startsWith("rec " + second) && f.contains(" truefalsetruefalse 0.00 4")),
                afterFeedback::toString);
        assertEquals(1, afterFeedback.stream().filter(f -> f.startsWith("conv " + first + " 120.00 ")).count(),
                afterFeedback::toString);

        // a corrected version of the conversion report takes the conversion back out of gold
        as("service").contentType("application/json")
                .body("[" + RecommendationApiTest.feedback(run + "-F1", first, customer, true, false, false, "null", 20) + "]")
                .when().post("/api/v1/recommendation/feedback/batch").then().statusCode(200);
        List<String> corrected = facts(run);
        assertTrue(corrected.stream().noneMatch(f -> f.startsWith("conv ")), corrected::toString);
        assertTrue(corrected.stream().anyMatch(f -> f.startsWith("rec " + first) && f.contains(" truetruefalsefalse 0.00 20")),
                corrected::toString);

        // an action issued and accepted
        String channel = "gold-" + run;
        String offered = PlantedFamilies.product(run, 1, 0);
        as("marketing").contentType("application/json")
                .body(NextBestActionApiTest.action(offered, "Threshold", 2, channel, 1, "null", "null"))
                .when().put("/api/v1/recommendation/next-best-actions/catalogue/" + run + "-offer").then().statusCode(200);
        String issueId = as("service").queryParam("channel", channel)
                .when().post("/api/v1/recommendation/customers/" + run + "-new/next-best-actions")
                .then().statusCode(200).body("issued", hasSize(1)).extract().path("issued[0].issueId");
        assertTrue(facts(run).contains("nba " + run + "-offer " + channel + " " + offered + " false - " + today()),
                () -> facts(run).toString());
        as("service").when().post("/api/v1/recommendation/next-best-actions/" + issueId + "/accept").then().statusCode(200);
        assertTrue(facts(run).contains("nba " + run + "-offer " + channel + " " + offered + " true " + today() + " "
                + today()),
                () -> facts(run).toString());
        as("marketing").when().get("/api/v1/recommendation/metrics/next-best-actions").then().statusCode(200)
                .body("find { it.actionId == '" + run + "-offer' }.accepted", org.hamcrest.Matchers.equalTo(1))
                .body("find { it.actionId == '" + run + "-offer' }.expired", org.hamcrest.Matchers.equalTo(0));

        // the generic rebuild recomputes gold from silver after silver, to the same facts
        List<String> before = facts(run);
        as("admin").when().post("/api/v1/recommendation/admin/rebuild").then().statusCode(200)
                .body("rebuilt", hasItem(org.hamcrest.Matchers.startsWith("gold.fact_product_recommendations")));
        assertEquals(before, facts(run));
        as("data-scientist").when().post("/api/v1/recommendation/admin/rebuild").then().statusCode(403);
    }
}
