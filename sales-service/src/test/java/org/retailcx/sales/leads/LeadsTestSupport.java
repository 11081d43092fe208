package org.retailcx.sales.leads;

import static io.restassured.RestAssured.given;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.retailcx.sales.SalesTestApi;
import org.retailcx.schema.EventJson;
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

    /**
     * A batch answered at once ({@code Prefer: respond-async}) and awaited until silver and gold hold it, so that a
     * loaded machine's slow promotion does not run into the HTTP client's timeout.
     */
    static ValidatableResponse batchAwaited(String source, List<String> records) {
        return SalesTestApi.promoted(given().header("Authorization", TestTokens.bearer("service"))
                .header("Prefer", "respond-async").contentType("application/x-ndjson")
                .body(String.join("\n", records).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/sales/" + source + "/batch").then());
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
    /** Income drives conversion (plus a little for the family segment): a learnable, seeded set. */
    static String syntheticNdjson(int rows, long seed) {
        Random random = new Random(seed);
        String[] segments = { "young", "family", "senior" };
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            int income = 20000 + random.nextInt(100000);
            String segment = segments[random.nextInt(3)];
            double logit = (income - 70000) / 10000.0 + (segment.equals("family") ? 0.5 : 0);
            boolean converted = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            ndjson.append(json("leadId", "T" + i, "source", i % 2 == 0 ? "Web Form" : "Branch", "converted", converted,
                    "attributes", Map.of("income", income, "segment", segment))).append('\n');
        }
        return ndjson.toString();
    }

    /** The UCI file as a CRM export would send it: quoted fields as strings, the rest as numbers, y as the label. */
    static String bankMarketingNdjson() throws IOException {
        return bankMarketingNdjson(false);
    }

    /**
     * With {@code contactMonth}, each row also carries the month of its call as an ISO date (the file has month names
     * only; its rows run from May 2008 to November 2010 in date order, so a month earlier than the one before starts
     * a new year), the time field of a time-ordered split.
     */
    static String bankMarketingNdjson(boolean contactMonth) throws IOException {
        try (InputStream raw = LeadsTestSupport.class.getResourceAsStream("/bank-marketing/bank-additional-full.csv.gz")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8));
            String[] header = reader.readLine().replace("\"", "").split(";");
            StringBuilder ndjson = new StringBuilder();
            List<String> months = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                    "dec");
            int year = 2008;
            int previous = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(";");
                Map<String, Object> record = new LinkedHashMap<>();
                if (contactMonth) {
                    int month = months.indexOf(fields[List.of(header).indexOf("month")].replace("\"", "")) + 1;
                    year += month < previous ? 1 : 0;
                    previous = month;
                    record.put("contactMonth", String.format("%d-%02d-01", year, month));
                }
                for (int c = 0; c < header.length; c++) {
                    String field = fields[c];
                    if (header[c].equals("y")) {
                        record.put("converted", field.equals("\"yes\""));
                    } else if (field.startsWith("\"")) {
                        record.put(header[c], field.substring(1, field.length() - 1));
                    } else {
                        record.put(header[c], Double.parseDouble(field));
                    }
                }
                ndjson.append(EventJson.mapper().writeValueAsString(record)).append('\n');
            }
            return ndjson.toString();
        }
    }
}
