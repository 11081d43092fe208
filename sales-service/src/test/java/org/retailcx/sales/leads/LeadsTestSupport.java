package org.retailcx.sales.leads;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.retailcx.sales.SalesTestApi;
import org.retailcx.testing.KafkaTestClient;
import org.retailcx.testing.TestTokens;


import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Calls and records the lead-side tests share. Ids carry a per-test suffix: test classes share a database. */
final class LeadsTestSupport {

    private LeadsTestSupport() {
    }

    /** A JSON object from alternating field names and values; null values are left out. */
    static String json(Object... fieldsAndValues) {
        return SalesTestApi.toJson(SalesTestApi.fields(fieldsAndValues));
    }

    /** PUT one record of a source; returns the receipt. */
    static ValidatableResponse put(String source, String id, String body) {
        return SalesTestApi.putRecord(source, id, body);
    }

    static ValidatableResponse batch(String source, List<String> records) {
        return SalesTestApi.postBatch(source, records);
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
