package org.retailcx.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.retailcx.schema.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;

/**
 * A bounded, seeded fuzz of every ingestion endpoint the service declares: the PUT and batch operations of each
 * medallion source, read from the service's OpenAPI document (which {@code MedallionOpenApiFilter} writes from the
 * sources' declarations, with the record schema, id field and roles). Each source gets every kind of malformed
 * body on each way in (PUT, NDJSON batch, JSON-array batch) on a field picked by the seed: wrong types, NUL
 * characters, numbers beyond any column, dates outside the accepted range, deep nesting, strings beyond their
 * size; and bodies that are empty, truncated, followed by junk, not objects, not UTF-8, or of another content
 * type. Every answer must be a 4xx problem+json (a field mutation naming the field), and bronze, the batch ledger
 * and the idempotency keys must hold exactly as many rows afterwards as before.
 * <p>
 * A service runs it with a one-line subclass annotated
 * {@code @QuarkusTest @WithTestResource(RealInfrastructureResource.class)}; it overrides {@link #validFields} where a
 * required field has a format the schema does not state (a pattern), and {@link #putId} where a source's id is
 * composed. {@code -Dretailcx.fuzz.seed=N} replays another sequence; a failure names the seed.
 */
public abstract class IngestionFuzzContract {

    private static final long SEED = Long.getLong("retailcx.fuzz.seed", 20261201L);
    private static final String NDJSON = "application/x-ndjson";
    private static final String JSON = "application/json";

    /** One declared source's ingestion endpoints, as the OpenAPI document describes them. */
    protected record Source(String name, String putPath, String batchPath, String idField, String writerRole,
            JsonNode properties, List<String> required) {
    }

    private enum Way {
        PUT, NDJSON_BATCH, ARRAY_BATCH
    }

    /** Values for required fields whose format the schema does not state, per source name. */
    protected Map<String, Map<String, Object>> validFields() {
        return Map.of();
    }

    /** The id in a PUT's path for {@code record}: its id field, unless the source composes its id. */
    protected String putId(Source source, Map<String, Object> record) {
        return String.valueOf(record.get(source.idField()));
    }

    @Test
    void theGeneratedRecordsAreAcceptedSoEachRefusalBelowIsTheMutationsDoing() {
        List<Source> sources = sources();
        assertFalse(sources.isEmpty(), "the OpenAPI document lists no ingestion endpoints");
        for (Source source : sources) {
            Map<String, Object> record = validRecord(source, "FUZZ-OK-" + source.name() + "-" + SEED);
            Response put = send(source, Way.PUT, record, json(record), JSON);
            assertTrue(put.statusCode() == 200 || put.statusCode() == 202,
                    source.name() + ": the generated record " + json(record) + " was refused: " + put.asString());
        }
    }

    @Test
    void malformedBodiesGetAProblemAndWriteNothing() {
        List<Source> sources = sources();
        long before = writtenRows();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Source source : sources) {
            for (Way way : Way.values()) {
                for (FieldMutation mutation : FieldMutation.values()) {
                    List<String> fields = mutation.applicableFields(source);
                    if (fields.isEmpty()) {
                        continue;
                    }
                    String field = fields.get(random.nextInt(fields.size()));
                    Map<String, Object> record = validRecord(source, "FUZZ-" + SEED + "-" + sent);
                    String value = mutation.value(source.properties().get(field), random);
                    String body = withRaw(record, field, value);
                    failures.addAll(check(source, way, record, body, contentType(way), 400,
                            mutation.namesTheField ? field : null, mutation.name() + " on " + field));
                    sent++;
                }
                for (BodyMutation mutation : BodyMutation.values()) {
                    Map<String, Object> record = validRecord(source, "FUZZ-" + SEED + "-" + sent);
                    String body = mutation.body(json(record), random);
                    String type = mutation.contentType(contentType(way), random);
                    int expected = type.equals(contentType(way)) ? 400 : 415;
                    failures.addAll(check(source, way, record, body, type, expected, null, mutation.name()));
                    sent++;
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " malformed requests (seed " + SEED
                + ") were not refused as they should be:\n" + String.join("\n", failures.subList(0,
                        Math.min(30, failures.size()))));
        assertEquals(before, writtenRows(), "malformed requests wrote rows (seed " + SEED + ")");
    }

    @Test
    void oversizedHeadersGet431AndAnOverlongIdempotencyKey400BothAsProblems() {
        Source source = sources().get(0);
        long before = writtenRows();
        Map<String, Object> record = validRecord(source, "FUZZ-HEADER-" + SEED);
        Response huge = given().header("Authorization", TestTokens.bearer(source.writerRole()))
                .header("Idempotency-Key", "k".repeat(100_000)).contentType(NDJSON)
                .body(json(record).getBytes(StandardCharsets.UTF_8)).when().post(source.batchPath());
        assertEquals(431, huge.statusCode(), huge.asString());
        assertTrue(huge.getContentType().startsWith("application/problem+json"), huge.getContentType());
        assertEquals(431, huge.jsonPath().getInt("status"));
        assertEquals("Idempotency-Key", huge.jsonPath().getString("errors[0].field"));
        Response tooLong = given().header("Authorization", TestTokens.bearer(source.writerRole()))
                .header("Idempotency-Key", "k".repeat(256)).contentType(NDJSON)
                .body(json(record).getBytes(StandardCharsets.UTF_8)).when().post(source.batchPath());
        assertEquals(400, tooLong.statusCode(), tooLong.asString());
        assertTrue(tooLong.getContentType().startsWith("application/problem+json"), tooLong.getContentType());
        assertEquals("Idempotency-Key", tooLong.jsonPath().getString("errors[0].field"));
        assertEquals(before, writtenRows(), "a refused request wrote rows");
    }

    // ------------------------------------------------------------------------------------------------ requests

    private List<String> check(Source source, Way way, Map<String, Object> record, String body, String contentType,
            int expected, String field, String what) {
        String outer = switch (way) {
            case PUT -> body;
            // a valid record first: the batch is all-or-nothing
            case NDJSON_BATCH -> body.isEmpty() ? "" : json(validRecord(source, record.get(source.idField()) + "-first"))
                    + "\n" + body + "\n";
            case ARRAY_BATCH -> body.isEmpty() ? "" : "[" + json(validRecord(source, record.get(source.idField())
                    + "-first")) + "," + body + "]";
        };
        Response response = send(source, way, record, outer, contentType);
        String where = source.name() + " " + way + " " + what + " → "
                + response.statusCode() + ": " + abbreviate(response.asString()) + "  body: " + abbreviate(outer);
        List<String> failures = new ArrayList<>();
        if (response.statusCode() != expected) {
            failures.add("expected " + expected + ", " + where);
            return failures;
        }
        String type = response.getContentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            failures.add("not problem+json (" + type + "), " + where);
            return failures;
        }
        if (response.jsonPath().getInt("status") != expected) {
            failures.add("problem status differs, " + where);
        }
        if (field != null) {
            List<String> named = response.jsonPath().getList("errors.field", String.class);
            if (named == null || named.stream().noneMatch(n -> names(n, field))) {
                failures.add("the problem does not name " + field + ", " + where);
            }
        }
        return failures;
    }

    private Response send(Source source, Way way, Map<String, Object> record, String body, String contentType) {
        var request = given().header("Authorization", TestTokens.bearer(source.writerRole())).contentType(contentType);
        // rest-assured encodes a String for any content type, bytes only for the types it knows
        request = contentType.equals(JSON) || contentType.equals(NDJSON) ? request.body(bytes(body)) : request.body(body);
        return switch (way) {
            case PUT -> request.when().put(source.putPath().replace("{id}",
                    URLEncoder.encode(putId(source, record), StandardCharsets.UTF_8).replace("+", "%20")));
            case NDJSON_BATCH, ARRAY_BATCH -> request.header("Idempotency-Key", "fuzz-" + SEED + "-" + record
                    .get(source.idField())).when().post(source.batchPath());
        };
    }

    /** UTF-8, except that {@link BodyMutation#NOT_UTF8} marks where an invalid byte goes. */
    private static byte[] bytes(String body) {
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        byte[] marker = BodyMutation.INVALID_BYTE_MARKER.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(utf8, marker);
        if (at < 0) {
            return utf8;
        }
        byte[] out = new byte[utf8.length - marker.length + 2];
        System.arraycopy(utf8, 0, out, 0, at);
        out[at] = (byte) 0xC3; // a lead byte followed by one that cannot continue it
        out[at + 1] = (byte) 0x28;
        System.arraycopy(utf8, at + marker.length, out, at + 2, utf8.length - at - marker.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String contentType(Way way) {
        return way == Way.NDJSON_BATCH ? NDJSON : JSON;
    }

    /** {@code amount}, {@code [1].amount}, {@code zipCodes[0]} and {@code revenueBreakdown.fees} name {@code amount},
     * {@code amount}, {@code zipCodes} and {@code revenueBreakdown}. */
    static boolean names(String reported, String field) {
        String path = reported.replaceFirst("^\\[\\d+\\]\\.?", "");
        return path.equals(field) || path.startsWith(field + "[") || path.startsWith(field + ".");
    }

    /** Rows that any write would add: bronze, the batch ledger and the idempotency keys (exact counts). */
    private static long writtenRows() {
        JsonNode layers = tree(given().header("Authorization", TestTokens.bearer("admin"))
                .when().get("/api/v1/platform/tables").then().statusCode(200).extract().asString());
        long rows = 0;
        for (JsonNode table : layers.path("bronze")) {
            rows += table.path("rows").asLong();
        }
        for (JsonNode table : layers.path("platform")) {
            String name = table.path("table").asText();
            if (name.equals("ingestion_batches") || name.equals("idempotency_keys")) {
                rows += table.path("rows").asLong();
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------------ sources

    /** The ingestion endpoints of the OpenAPI document, one entry per source with both its PUT and its batch. */
    protected static List<Source> sources() {
        JsonNode paths = tree(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString())
                .path("paths");
        Map<String, String> batchPaths = new LinkedHashMap<>();
        Map<String, JsonNode> puts = new LinkedHashMap<>();
        Map<String, String> putPaths = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            var path = it.next();
            JsonNode put = path.getValue().path("put");
            JsonNode post = path.getValue().path("post");
            String putSource = ingestionSource(put);
            if (putSource != null && path.getKey().endsWith("/{id}")) {
                puts.put(putSource, put);
                putPaths.put(putSource, path.getKey());
            }
            String postSource = ingestionSource(post);
            if (postSource != null && path.getKey().endsWith("/batch")) {
                batchPaths.put(postSource, path.getKey());
            }
        }
        List<Source> sources = new ArrayList<>();
        for (var entry : puts.entrySet()) {
            String name = entry.getKey();
            JsonNode put = entry.getValue();
            JsonNode schema = put.path("requestBody").path("content").path(JSON).path("schema");
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            List<String> roles = RoleMatrixContract.roles(put);
            String writer = roles.contains("service") ? "service" : roles.get(0);
            sources.add(new Source(name, putPaths.get(name), batchPaths.get(name), put.path("x-id-field").asText(),
                    writer, schema.path("properties"), required));
        }
        return sources;
    }

    private static String ingestionSource(JsonNode operation) {
        for (JsonNode tag : operation.path("tags")) {
            if (tag.asText().startsWith("ingestion: ")) {
                return tag.asText().substring("ingestion: ".length());
            }
        }
        return null;
    }

    /** The source's required fields with plain valid values (and the service's {@link #validFields}). */
    protected Map<String, Object> validRecord(Source source, String id) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (String field : source.required()) {
            record.put(field, plainValue(source.properties().path(field), id));
        }
        record.putAll(validFields().getOrDefault(source.name(), Map.of()));
        record.put(source.idField(), id);
        return record;
    }

    private static Object plainValue(JsonNode property, String id) {
        String format = property.path("format").asText();
        return switch (type(property)) {
            case "string" -> format.equals("date") ? "2026-01-15" : format.equals("date-time") ? "2026-01-15T10:00:00Z"
                    : id.substring(0, Math.min(id.length(), property.path("maxLength").asInt(id.length())));
            case "number", "integer" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            default -> Map.of();
        };
    }

    static String type(JsonNode property) {
        JsonNode type = property.path("type");
        return type.isArray() ? type.path(0).asText() : type.asText();
    }

    // ------------------------------------------------------------------------------------------------ mutations

    /** Mutations of one field's value (as raw JSON text), each applicable to some field types. */
    private enum FieldMutation {
        WRONG_TYPE(p -> true) {
            @Override
            String value(JsonNode p, Random random) {
                String format = p.path("format").asText();
                List<String> wrong = switch (type(p)) {
                    case "string" -> format.equals("date") || format.equals("date-time")
                            ? List.of("12345", "true", "\"soon\"", "\"2026-13-45\"", "\"2026-02-30\"", "\"15/01/2026\"")
                            : List.of("12345", "true", "{\"a\":1}", "[1]");
                    case "number" -> List.of("\"12\"", "\"1e3\"", "true", "{\"a\":1}");
                    case "integer" -> List.of("\"5\"", "1.5", "true", "99999999999");
                    case "boolean" -> List.of("\"true\"", "1", "\"yes\"");
                    case "array" -> List.of("\"x\"", "1", "{\"a\":1}", "[{\"a\":[1]}]");
                    default -> List.of("\"x\"", "1", "[1]");
                };
                return wrong.get(random.nextInt(wrong.size()));
            }
        },
        NUL(p -> type(p).equals("string") && p.path("format").isMissingNode()) {
            @Override
            String value(JsonNode p, Random random) {
                return random.nextBoolean() ? "\"FUZZ\\u0000X\"" : "\"\\u0000\"";
            }
        },
        HUGE_NUMBER(p -> type(p).equals("number") || type(p).equals("integer")) {
            @Override
            String value(JsonNode p, Random random) {
                List<String> huge = List.of("1e308", "-1e308", "1e400", "9".repeat(400), "-" + "9".repeat(40) + ".5");
                return huge.get(random.nextInt(huge.size()));
            }
        },
        DATE_OUTSIDE_THE_ACCEPTED_RANGE(p -> p.path("format").asText().startsWith("date")) {
            @Override
            String value(JsonNode p, Random random) {
                var config = ConfigProvider.getConfig();
                LocalDate earliest = config.getValue("retailcx.ingest.earliest-date", LocalDate.class);
                LocalDate latest = config.getValue("retailcx.ingest.latest-date", LocalDate.class);
                List<String> dates = List.of("0000-01-01", "-999999999-01-01", "+999999999-12-31",
                        earliest.minusDays(1).toString(), latest.plusDays(1).toString());
                String date = dates.get(random.nextInt(dates.size()));
                return "\"" + (p.path("format").asText().equals("date-time")
                        ? date + (date.startsWith("+") ? "T23:59:59Z" : "T00:00:00Z") : date) + "\"";
            }
        },
        DEEP_NESTING(false, p -> true) {
            @Override
            String value(JsonNode p, Random random) {
                int depth = 2_000 + random.nextInt(3_000);
                return "[".repeat(depth) + "]".repeat(depth);
            }
        },
        STRING_BEYOND_ITS_SIZE(p -> type(p).equals("string") && p.has("maxLength")) {
            @Override
            String value(JsonNode p, Random random) {
                return "\"" + "x".repeat(Math.max(p.path("maxLength").asInt() + 1, 100_000)) + "\"";
            }
        };

        /** Whether the problem must name the field (a parser limit, such as nesting depth, is the body's). */
        final boolean namesTheField;
        private final Predicate<JsonNode> applies;

        FieldMutation(Predicate<JsonNode> applies) {
            this(true, applies);
        }

        FieldMutation(boolean namesTheField, Predicate<JsonNode> applies) {
            this.namesTheField = namesTheField;
            this.applies = applies;
        }

        abstract String value(JsonNode property, Random random);

        List<String> applicableFields(Source source) {
            List<String> fields = new ArrayList<>();
            source.properties().fields().forEachRemaining(f -> {
                if (applies.test(f.getValue())) {
                    fields.add(f.getKey());
                }
            });
            return fields;
        }
    }

    /** Mutations of a whole record's text. */
    private enum BodyMutation {
        EMPTY(body -> ""),
        TRUNCATED(null),
        TRAILING_JUNK(null),
        NOT_AN_OBJECT(null),
        RAW_NUL(body -> body.replaceFirst("\":\"", "\":\"\u0000")),
        NOT_UTF8(body -> body.replaceFirst("\":\"", "\":\"" + BodyMutation.INVALID_BYTE_MARKER)),
        WRONG_CONTENT_TYPE(body -> body);

        static final String INVALID_BYTE_MARKER = "\u2603INVALID-UTF8\u2603";

        private final Function<String, String> fixed;

        BodyMutation(Function<String, String> fixed) {
            this.fixed = fixed;
        }

        String body(String valid, Random random) {
            return switch (this) {
                case TRUNCATED -> valid.substring(0, 1 + random.nextInt(valid.length() - 2));
                case TRAILING_JUNK -> valid + List.of(" x", "}", " {\"a\":1}", ",", " true").get(random.nextInt(5));
                case NOT_AN_OBJECT -> List.of("42", "\"x\"", "null", "true", "[1]").get(random.nextInt(5));
                default -> fixed.apply(valid);
            };
        }

        String contentType(String proper, Random random) {
            return this == WRONG_CONTENT_TYPE
                    ? List.of("text/plain", "application/xml", "text/csv").get(random.nextInt(3))
                    : proper;
        }
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /** The record as JSON with {@code field} replaced by the raw JSON text {@code value}. */
    private static String withRaw(Map<String, Object> record, String field, String value) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        String marker = "\"__FUZZ_VALUE__\"";
        copy.put(field, "__FUZZ_VALUE__");
        return json(copy).replace(marker, value);
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " chars)";
    }
}
