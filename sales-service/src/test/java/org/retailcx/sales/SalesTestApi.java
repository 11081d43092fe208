package org.retailcx.sales;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.retailcx.schema.EventJson;
import org.retailcx.testing.TestTokens;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What every sales-service API test does: unique ids (test classes share one database), records as a CRM sends
 * them, the generic ingestion calls, and reading the database. The areas' fixtures build on it.
 */
public final class SalesTestApi {

    private SalesTestApi() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A JSON object's fields from alternating names and values; null values are left out. */
    public static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return fields;
    }

    public static String toJson(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code PUT /api/v1/sales/<source>/<id>} as the CRM connector (role service). */
    public static ValidatableResponse putRecord(String source, String id, String json) {
        return given().header("Authorization", TestTokens.bearer("service")).contentType(ContentType.JSON)
                .body(json).when().put("/api/v1/sales/" + source + "/" + id).then();
    }

    /** {@code POST /api/v1/sales/<source>/batch} with one NDJSON line per record (role service). */
    public static ValidatableResponse postBatch(String source, List<String> jsonRecords) {
        return given().header("Authorization", TestTokens.bearer("service")).contentType("application/x-ndjson")
                .body(String.join("\n", jsonRecords).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/sales/" + source + "/batch").then();
    }

    /**
     * Waits until a write's batch has reached silver and gold. A write waits for promotion up to the service's limit
     * and answers 202 when the loaded machine took longer; then the batch receipt is polled (generous deadline).
     * Either way the batch must end promoted.
     */
    public static ValidatableResponse promoted(ValidatableResponse write) {
        String batchId = write.statusCode(anyOf(equalTo(200), equalTo(202))).extract().jsonPath().getString("batchId");
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> !"accepted".equals(receipt(batchId).extract().jsonPath().getString("status")));
        return receipt(batchId).body("status", equalTo("promoted"));
    }

    private static ValidatableResponse receipt(String batchId) {
        return given().header("Authorization", TestTokens.bearer("admin"))
                .when().get("/api/v1/sales/batches/" + batchId).then().statusCode(200);
    }

    public static List<Row> rows(Pool pool, String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(30)).forEach(rows::add);
        return rows;
    }
}
