package org.retailcx.platform.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an ingestion body into records bound and validated, keeping each record's JSON exactly as sent for bronze.
 * A batch body is NDJSON ({@code application/x-ndjson}) or a JSON array ({@code application/json}). Any bad record rejects the whole batch with every offending field named
 * ({@code [3].amount}), so a batch is all-or-nothing before anything is written.
 */
@ApplicationScoped
public class IngestionReader {

    public static final String NDJSON = "application/x-ndjson";
    private static final int MAX_REPORTED_ERRORS = 100;

    private final ObjectMapper mapper;
    private final Validator validator;
    private final int maxRecords;

    public IngestionReader(ObjectMapper mapper, Validator validator,
            @ConfigProperty(name = "retailcx.bulk.max-records") int maxRecords) {
        this.mapper = mapper;
        this.validator = validator;
        this.maxRecords = maxRecords;
    }

    /** A record as sent (for bronze) and as bound (for the typed columns). */
    public record Item<T>(JsonNode raw, T value) {
    }

    /** One record: a JSON object. */
    public <T> Item<T> readOne(String body, Class<T> type) {
        JsonNode node;
        try {
            node = mapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw malformed("The body is not well-formed JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid("body", "expected a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        Item<T> item = bind(node, type, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return item;
    }

    /** A batch: NDJSON or a JSON array, according to {@code contentType}. */
    public <T> List<Item<T>> readBatch(String body, String contentType, Class<T> type) {
        List<JsonNode> nodes = isNdjson(contentType) ? ndjson(body) : jsonArray(body);
        if (nodes.isEmpty()) {
            throw ProblemException.invalid("body", "the batch holds no records");
        }
        if (nodes.size() > maxRecords) {
            throw new ProblemException(413, ProblemTypes.BATCH_TOO_LARGE, "Batch too large",
                    "A batch holds at most " + maxRecords + " records; this one holds " + nodes.size(), List.of());
        }
        List<Item<T>> items = new ArrayList<>(nodes.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < nodes.size() && errors.size() < MAX_REPORTED_ERRORS; i++) {
            JsonNode node = nodes.get(i);
            if (!node.isObject()) {
                errors.add(new FieldError("[" + i + "]", "expected a JSON object"));
                continue;
            }
            Item<T> item = bind(node, type, "[" + i + "].", errors);
            if (item != null) {
                items.add(item);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return items;
    }

    private <T> Item<T> bind(JsonNode node, Class<T> type, String prefix, List<FieldError> errors) {
        try {
            T value = mapper.treeToValue(node, type);
            for (ConstraintViolation<T> v : sorted(validator.validate(value))) {
                errors.add(new FieldError(prefix + v.getPropertyPath(), v.getMessage()));
            }
            return new Item<>(node, value);
        } catch (JsonMappingException e) {
            errors.add(new FieldError(prefix + ProblemMappers.jsonPath(e.getPath()), "has the wrong type or format"));
        } catch (JsonProcessingException e) {
            errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    e.getOriginalMessage()));
        }
        return null;
    }

    public static boolean isNdjson(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(NDJSON);
    }

    private List<JsonNode> ndjson(String body) {
        List<JsonNode> nodes = new ArrayList<>();
        String[] lines = body == null ? new String[0] : body.split("\r?\n");
        for (int line = 0; line < lines.length; line++) {
            if (lines[line].isBlank()) {
                continue;
            }
            try {
                nodes.add(mapper.readTree(lines[line]));
            } catch (JsonProcessingException e) {
                throw new ProblemException(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                        "Line " + (line + 1) + " is not well-formed JSON: " + e.getOriginalMessage(),
                        List.of(new FieldError("line " + (line + 1), "not well-formed JSON")));
            }
        }
        return nodes;
    }

    private List<JsonNode> jsonArray(String body) {
        try (JsonParser parser = mapper.createParser(body == null ? "" : body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.invalid("body", "expected a JSON array of records (or send "
                        + NDJSON + ")");
            }
            List<JsonNode> nodes = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                nodes.add(mapper.readTree(parser));
            }
            return nodes;
        } catch (JsonProcessingException e) {
            throw malformed("The body is not a well-formed JSON array", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException malformed(String what, JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return new ProblemException(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                what + where + ": " + e.getOriginalMessage(), List.of(new FieldError("body", "not well-formed JSON" + where)));
    }

    private static <T> List<ConstraintViolation<T>> sorted(Set<ConstraintViolation<T>> violations) {
        return violations.stream().sorted((a, b) -> a.getPropertyPath().toString()
                .compareTo(b.getPropertyPath().toString())).toList();
    }
}
