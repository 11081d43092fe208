package org.retailcx.recommendation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The write-behind served log on the real database, with a flusher that never fires on its own (1 h) and room for
 * 15 records: a served list answers before it is in bronze; a second list that does not fit is written in its own
 * call (back-pressure, nothing dropped); feedback on a queued impression first flushes the log, so it is accepted
 * (not quarantined as never served) and the impression reaches bronze and silver.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
@TestProfile(ServedLogWriteBehindTest.SlowFlusher.class)
class ServedLogWriteBehindTest {

    public static class SlowFlusher implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("retailcx.recommendation.served-log.flush-interval", "1h",
                    "retailcx.recommendation.served-log.capacity", "15");
        }
    }

    @Inject
    Pool pool;

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    private long count(String table, List<String> ids) {
        return pool.preparedQuery("select count(*) from " + table + " where recommendation_id = any($1)")
                .execute(Tuple.of(ids.toArray(String[]::new))).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void listsAnswerBeforeTheirLogIsWrittenAFullQueueWritesInTheCallAndFeedbackFlushesFirst() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder batch = new StringBuilder("[");
        for (int p = 0; p < 12; p++) {
            for (int c = 0; c <= p; c++) {
                batch.append(batch.length() > 1 ? "," : "").append("""
                        {"interactionId":"%s-%d-%d","customerId":"%s-C%d","productId":"%s-P%d","implicitRating":"view",
                         "interactionTimestamp":"2026-10-01T09:00:00Z"}""".formatted(run, p, c, run, c, run, p));
            }
        }
        as("service").contentType("application/json").body(batch.append("]").toString())
                .when().post("/api/v1/recommendation/interactions/batch").then().statusCode(200);
        String customer = "NEW-" + run;

        List<String> first = as("service").queryParam("context", "Homepage").queryParam("k", 10)
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations")
                .then().statusCode(200).extract().jsonPath().getList("items.recommendationId", String.class);
        assertEquals(10, first.size());
        // answered, but still queued: nothing in bronze or silver yet
        assertEquals(0, count("bronze.retail_product_recommendations", first));
        assertEquals(0, count("silver.retail_recommendations_enriched", first));

        // 10 queued + 10 > 15: this list is written before the call answers
        List<String> second = as("service").queryParam("context", "Email").queryParam("k", 10)
                .when().get("/api/v1/recommendation/customers/" + customer + "/recommendations")
                .then().statusCode(200).extract().jsonPath().getList("items.recommendationId", String.class);
        assertEquals(10, count("bronze.retail_product_recommendations", second));
        assertEquals(10, count("silver.retail_recommendations_enriched", second));
        assertEquals(0, count("bronze.retail_product_recommendations", first));

        // a click on a queued impression: the feedback call flushes the log first, so the click is accepted
        as("service").contentType("application/json").body("[" + RecommendationApiTest.feedback(run + "-F1",
                first.get(0), customer, true, false, false, "null", 5) + "]")
                .when().post("/api/v1/recommendation/feedback/batch").then().statusCode(200)
                .body("quarantined", equalTo(0));
        assertEquals(10, count("bronze.retail_product_recommendations", first));
        assertEquals(10, count("silver.retail_recommendations_enriched", first));
        assertTrue(count("silver.recommendation_feedback", first) == 1, "the click is in silver");
    }
}
