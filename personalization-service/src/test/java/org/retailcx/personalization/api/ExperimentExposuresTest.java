package org.retailcx.personalization.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.retailcx.testing.RealInfrastructureResource;
import org.retailcx.testing.TestTokens;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Exposures and conversions through the medallion source on the real database: the current assignment per
 * experiment and customer in silver and gold, quarantine of unknown experiments and variants, 400s, all-or-nothing.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ExperimentExposuresTest {

    private static final String API = "/api/v1/personalization";

    @Inject
    Pool pool;

    private static String experiment() {
        String id = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", TestTokens.bearer("marketing")).contentType("application/json").body("""
                {"experimentId":"%s","name":"Card offer","status":"running","successMetric":"card-activation",
                 "variants":["control","offer"],"weights":[0.5,0.5]}""".formatted(id))
                .when().put(API + "/experiments/" + id).then().statusCode(200);
        return id;
    }

    private static String exposure(String experiment, String customer, String variant, int count, String extra) {
        return """
                {"experimentId":"%s","customerId":"%s","variantId":"%s","assignmentDate":"2026-11-20T09:00:00Z",
                 "exposureCount":%d%s}""".replace("\n", "").formatted(experiment, customer, variant, count, extra);
    }

    private static ValidatableResponse batch(String role, String... lines) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType("application/x-ndjson")
                .body((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post(API + "/exposures/batch").then();
    }

    private List<String> rows(String sql, String experiment) {
        return pool.preparedQuery(sql).execute(Tuple.of(experiment)).await().indefinitely().stream()
                .map(r -> r.getValue(0) + "|" + r.getValue(1) + "|" + r.getValue(2) + "|" + r.getValue(3)).toList();
    }

    @Test
    void exposuresBecomeTheCurrentAssignmentInSilverAndGold() {
        String id = experiment();
        batch("service", exposure(id, "ACC-0000001", "control", 1, ""),
                exposure(id, "ACC-0000002", "offer", 2, ",\"conversionFlag\":true,"
                        + "\"conversionDate\":\"2026-11-21T10:00:00Z\",\"metricValue\":120.5,\"preMetricValue\":80"),
                exposure(id, "ACC-0000003", "video", 1, ""),
                exposure("exp-nobody-defined", "ACC-0000004", "control", 1, "")).statusCode(200);
        // a later record of the same customer updates the exposure count and the conversion
        batch("service", exposure(id, "ACC-0000001", "control", 3, ",\"conversionFlag\":true")).statusCode(200);

        assertEquals(List.of("ACC-0000001|control|3|1.0", "ACC-0000002|offer|2|120.5"), rows("""
                select customer_id, variant_id, exposure_count, metric_value from silver.ab_assignment
                where experiment_id = $1 order by customer_id""", id));
        assertEquals(List.of("ACC-0000001|true|20261120|true", "ACC-0000002|false|20261120|true"), rows("""
                select f.customer_id, f.is_control, f.date_key, f.converted from gold.fact_ab_test_assignments f
                join gold.dim_ab_experiment d using (experiment_key) where d.experiment_id = $1
                order by f.customer_id""", id));
        given().header("Authorization", TestTokens.bearer("data-scientist")).queryParam("customerId", "ACC-0000003")
                .when().get(API + "/quarantine").then().body("items.rule", equalTo(List.of("variant-of-experiment")))
                .body("items[0].reason", equalTo("experiment " + id + " has no variant video"));
        given().header("Authorization", TestTokens.bearer("data-scientist")).queryParam("customerId", "ACC-0000004")
                .when().get(API + "/quarantine").then().body("items.rule", hasSize(1))
                .body("items[0].rule", equalTo("experiment-defined"));
    }

    @Test
    void badRecordsAreRefusedNamingTheFieldAndTheBatchWritesNothing() {
        String id = experiment();
        batch("service", exposure(id, "ACC-0000011", "control", 1, ""),
                exposure(id, "ACC-0000012", "offer", 1, ",\"conversionDate\":\"2026-11-21T10:00:00Z\""))
                .statusCode(400).body("errors[0].field", equalTo("conversionDate"));
        batch("service", exposure(id, "ACC-0000013", "offer", 1,
                ",\"conversionFlag\":true,\"conversionDate\":\"2026-11-19T10:00:00Z\"")).statusCode(400)
                .body("errors[0].field", equalTo("conversionDate"));
        batch("service", exposure(id, "ACC-0000014", "offer", 0, "")).statusCode(400);
        assertEquals(List.of(), rows("""
                select customer_id, variant_id, exposure_count, metric_value from silver.ab_assignment
                where experiment_id = $1""", id));
        batch("cx-analyst", exposure(id, "ACC-0000015", "offer", 1, "")).statusCode(403);
    }
}
