package org.retailcx.platform.ingest;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.retailcx.platform.problem.Problem.FieldError;
import org.retailcx.platform.problem.ProblemException;
import org.retailcx.platform.problem.ProblemMappers;
import org.retailcx.platform.problem.ProblemTypes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads an ingestion body into records bound and validated, keeping each record's JSON for bronze. A batch body is
 * NDJSON ({@code application/x-ndjson}) or a JSON array ({@code application/json}), read as a stream: records reach
 * the sink one by one, so memory does not grow with the body. Any bad record rejects the whole batch with every
 * offending field named ({@code [3].amount}); the caller writes inside a transaction that it rolls back then.
 * <p>
 * Binding is strict: no scalar coercion (a number is not a string, a string is not a number, a number is not a
 * date), no trailing content, no NUL characters (PostgreSQL text cannot hold them), no malformed UTF-8 (refused, not
 * replaced).
 */
@ApplicationScoped
public class IngestionReader {

    public static final String NDJSON = "application/x-ndjson";
    private static final int MAX_REPORTED_ERRORS = 100;

    /** Receives each valid record of a batch; {@code raw} is the record's JSON text for bronze. */
    @FunctionalInterface
    public interface RecordSink<T> {
        void accept(int index, String raw, T value);
    }

    /** A record as sent (its JSON text, for bronze) and as bound. */
    public record Item<T>(String raw, T value) {
    }

    /** What a batch read: how many records, and the SHA-256 of the body as received (for Idempotency-Key). */
    public record BatchRead(int records, String sha256) {
    }

    private final ObjectMapper mapper;
    private final Validator validator;
    private final int maxRecords;
    private final long maxBodyBytes;

    public IngestionReader(ObjectMapper mapper, Validator validator,
            @ConfigProperty(name = "retailcx.bulk.max-records") int maxRecords,
            @ConfigProperty(name = "retailcx.bulk.max-body-bytes") long maxBodyBytes) {
        this.mapper = strict(mapper);
        this.validator = validator;
        this.maxRecords = maxRecords;
        this.maxBodyBytes = maxBodyBytes;
    }

    static ObjectMapper strict(ObjectMapper base) {
        return withoutCoercion(base.copy()).registerModule(IsoDates.module());
    }

    static ObjectMapper withoutCoercion(ObjectMapper strict) {
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        strict.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        strict.getFactory().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature());
        // a number or a boolean is not text, nor a date; text or a boolean is not a number; an integer is a decimal
        fail(strict, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        fail(strict, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        fail(strict, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        fail(strict, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String);
        fail(strict, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean);
        fail(strict, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        return strict;
    }

    private static void fail(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    public int maxRecords() {
        return maxRecords;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** One record: a JSON object. */
    public <T> Item<T> readOne(String body, Class<T> type) {
        if (body != null && body.length() > maxBodyBytes) {
            throw tooLarge();
        }
        JsonNode node;
        try {
            node = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw malformed("The body is not well-formed JSON", e);
        }
        if (node == null || node.isMissingNode() || !node.isObject()) {
            throw ProblemException.invalid("body", "expected a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        T value = bind(node, type, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Item<>(node.toString(), value);
    }

    /**
     * A batch, streamed: NDJSON or a JSON array according to {@code contentType}. Valid records go to the sink as they
     * are read; once a record is bad, later valid ones are only checked. Throws a 400 problem naming every bad field
     * (up to 100), 413 when the body or the record count is above the limits.
     */
    public <T> BatchRead readBatch(InputStream body, String contentType, Class<T> type, RecordSink<T> sink) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        InputStream in = new DigestInputStream(new LimitedInputStream(body, maxBodyBytes), sha256);
        boolean ndjson = isNdjson(contentType);
        List<FieldError> errors = new ArrayList<>();
        int index = 0;
        if (ndjson) {
            index = readLines(in, type, sink, errors);
        } else try (JsonParser parser = mapper.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.invalid("body", "expected a JSON array of records (or send " + NDJSON + ")");
            }
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw malformedAt(parser, "The JSON array is not closed");
                }
                if (token == JsonToken.END_ARRAY) {
                    if (parser.nextToken() != null) {
                        throw malformedAt(parser, "Unexpected content after the JSON array");
                    }
                    break;
                }
                if (index >= maxRecords) {
                    throw new ProblemException(413, ProblemTypes.BATCH_TOO_LARGE, "Batch too large",
                            "A batch holds at most " + maxRecords + " records", List.of());
                }
                JsonNode node = mapper.readTree(parser);
                String prefix = "[" + index + "]";
                if (!node.isObject()) {
                    errors.add(new FieldError(prefix, "expected a JSON object"));
                } else if (errors.size() < MAX_REPORTED_ERRORS) {
                    int before = errors.size();
                    T value = bind(node, type, prefix + ".", errors);
                    if (errors.isEmpty() && errors.size() == before) {
                        sink.accept(index, node.toString(), value);
                    }
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            throw malformed("The body is not a well-formed JSON array", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() > MAX_REPORTED_ERRORS ? errors.subList(0, MAX_REPORTED_ERRORS)
                    : errors);
        }
        if (index == 0) {
            throw ProblemException.invalid("body", "the batch holds no records");
        }
        return new BatchRead(index, HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * NDJSON, a line at a time: each line is bound straight to the record type (no tree in between) and kept as
     * sent for bronze.
     */
    private <T> int readLines(InputStream in, Class<T> type, RecordSink<T> sink, List<FieldError> errors) {
        ObjectReader records = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        int index = 0;
        int lineNumber = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, strictUtf8()), 1 << 16)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                String record = line.strip();
                if (record.isEmpty()) {
                    continue;
                }
                if (index >= maxRecords) {
                    throw new ProblemException(413, ProblemTypes.BATCH_TOO_LARGE, "Batch too large",
                            "A batch holds at most " + maxRecords + " records", List.of());
                }
                String prefix = "[" + index + "]";
                index++;
                if (record.charAt(0) != '{') {
                    errors.add(new FieldError(prefix, "expected a JSON object"));
                    continue;
                }
                if (errors.size() >= MAX_REPORTED_ERRORS) {
                    continue;
                }
                T value = bindLine(records, record, type, prefix, lineNumber, errors);
                if (value != null && errors.isEmpty()) {
                    sink.accept(index - 1, record, value);
                }
            }
        } catch (CharacterCodingException e) {
            throw notUtf8("line " + (lineNumber + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }

    private <T> T bindLine(ObjectReader records, String line, Class<T> type, String prefix, int lineNumber,
            List<FieldError> errors) {
        if (line.contains("\\u0000")) {
            try {
                return bind(mapper.readTree(line), type, prefix + ".", errors);
            } catch (JsonProcessingException e) {
                throw malformedLine(lineNumber, e);
            }
        }
        int before = errors.size();
        try {
            T value = records.readValue(line);
            for (ConstraintViolation<T> v : sorted(validator.validate(value))) {
                errors.add(new FieldError(prefix + "." + v.getPropertyPath(), v.getMessage()));
            }
            return errors.size() == before ? value : null;
        } catch (JsonMappingException e) {
            errors.add(new FieldError(prefix + "." + ProblemMappers.jsonPath(e.getPath()), "has the wrong type or format"));
        } catch (JsonProcessingException e) {
            throw malformedLine(lineNumber, e);
        }
        return null;
    }

    private static ProblemException malformedLine(int line, JsonProcessingException e) {
        return new ProblemException(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                "Line " + line + " is not well-formed JSON: " + e.getOriginalMessage(),
                List.of(new FieldError("line " + line, "not well-formed JSON")));
    }

    private <T> T bind(JsonNode node, Class<T> type, String prefix, List<FieldError> errors) {
        String nul = firstNul(node, "");
        if (nul != null) {
            errors.add(new FieldError(prefix + nul, "must not contain the NUL character (U+0000)"));
            return null;
        }
        try {
            T value = mapper.treeToValue(node, type);
            for (ConstraintViolation<T> v : sorted(validator.validate(value))) {
                errors.add(new FieldError(prefix + v.getPropertyPath(), v.getMessage()));
            }
            return value;
        } catch (JsonMappingException e) {
            errors.add(new FieldError(prefix + ProblemMappers.jsonPath(e.getPath()), "has the wrong type or format"));
        } catch (JsonProcessingException e) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    e.getOriginalMessage()));
        }
        return null;
    }

    /** The path of the first string value (or field name) holding U+0000, or null. */
    private static String firstNul(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0 ? path : null;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                var field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (field.getKey().indexOf('\u0000') >= 0) {
                    return child.replace("\u0000", "\\u0000");
                }
                String found = firstNul(field.getValue(), child);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = firstNul(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A decoder that refuses malformed UTF-8 instead of replacing it with U+FFFD (silent coercion). */
    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static ProblemException notUtf8(String where) {
        return new ProblemException(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                "The " + where + " is not valid UTF-8",
                List.of(new FieldError(where, "not valid UTF-8")));
    }

    public static boolean isNdjson(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(NDJSON);
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, ProblemTypes.BATCH_TOO_LARGE, "Body too large",
                "A request body holds at most " + maxBodyBytes + " bytes", List.of());
    }

    private static ProblemException malformed(String what, JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return new ProblemException(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                what + where + ": " + e.getOriginalMessage(), List.of(new FieldError("body", "not well-formed JSON" + where)));
    }

    private static ProblemException malformedAt(JsonParser parser, String what) {
        var at = parser.currentLocation();
        String where = " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new ProblemException(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON", what + where,
                List.of(new FieldError("body", "not well-formed JSON" + where)));
    }

    private static <T> List<ConstraintViolation<T>> sorted(Set<ConstraintViolation<T>> violations) {
        return violations.stream().sorted((a, b) -> a.getPropertyPath().toString()
                .compareTo(b.getPropertyPath().toString())).toList();
    }

    /** Stops reading with 413 once more than {@code limit} bytes arrived. */
    private final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw tooLarge();
            }
        }
    }
}
