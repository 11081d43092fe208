package org.retailcx.sales.leads;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.retailcx.schema.EventJson;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.TestTokens;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Calls and records the lead-side tests share. Ids carry a per-test suffix: test classes share a database. */
final class LeadsTestSupport {

    private LeadsTestSupport() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A JSON object from alternating field names and values; null values are left out. */
    static String json(Object... fieldsAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != null) {
                fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }
        try {
            return EventJson.mapper().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PUT one record of a source; returns the receipt. */
    static ValidatableResponse put(String source, String id, String body) {
        return given().header("Authorization", TestTokens.bearer("service"))
                .contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/sales/" + source + "/" + id).then();
    }

    static ValidatableResponse batch(String source, List<String> records) {
        return given().header("Authorization", TestTokens.bearer("service"))
                .contentType("application/x-ndjson")
                .body(String.join("\n", records).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/sales/" + source + "/batch").then();
    }

    static ValidatableResponse get(String path, String role) {
        return given().header("Authorization", TestTokens.bearer(role)).when().get(path).then();
    }

    static String rep(String repId) {
        return json("repId", repId, "name", "Rep " + repId, "team", "Retail East-" + repId,
                "active", true, "hireDate", "2024-01-01");
    }

    static RowSet<Row> query(Pool pool, String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(30));
    }

    static List<ConsumerRecord<String, String>> awaitEvents(KafkaTestClient kafka, String topic, String type,
            Predicate<ConsumerRecord<String, String>> match, int count) {
        return kafka.awaitRecords(topic, r -> type.equals(KafkaTestClient.header(r, "ce_type")) && match.test(r),
                count, Duration.ofSeconds(60));
    }
}
