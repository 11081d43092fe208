package org.retailcx.platform.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The fast path reads exactly what Jackson's own date deserializers read, and refuses what they refuse. */
class IsoDatesTest {

    record Dated(LocalDate day, OffsetDateTime at) {
    }

    private static final ObjectMapper BASE = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ObjectMapper FAST = IngestionReader.strict(BASE);
    private static final ObjectMapper REFERENCE = IngestionReader.withoutCoercion(BASE.copy());

    private static final List<String> DAYS = List.of("\"2026-11-20\"", "\"2024-02-29\"", "\"2026-02-29\"",
            "\"2026-13-01\"", "\"2026-1-01\"", "\"0000-01-01\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"+12026-01-01\"",
            "\"-0001-01-01\"", "\" 2026-11-20\"", "\"2026-11-20 \"", "\"2026/11/20\"", "\"2026-11-2x\"", "\"\"",
            "20261120", "1.5", "true", "null", "\"2026-11-20T00:00:00Z\"", "\"２０２６-11-20\"");
    private static final List<String> TIMESTAMPS = List.of("\"2026-11-20T15:00:00Z\"", "\"2026-11-20T15:00:00.1Z\"",
            "\"2026-11-20T15:00:00.123456789Z\"", "\"2026-11-20T15:00:00.1234567890Z\"", "\"2026-11-20T15:00Z\"",
            "\"2026-11-20T15:00:00+01:00\"", "\"2026-11-20T15:00:00.5-05:30\"", "\"2026-11-20T24:00:00Z\"",
            "\"2026-11-20T23:59:60Z\"", "\"2026-02-30T10:00:00Z\"", "\"2026-11-20t15:00:00Z\"", "\"2026-11-20T15:00:00z\"",
            "\"2026-11-20T15:00:00.Z\"", "\"2026-11-20T15:00:00,5Z\"", "\"0000-01-01T00:00:00Z\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"2026-11-20\"", "1732114800", "1732114800.5", "\"\"", "false");

    @Test
    void datesAndTimestampsReadAsJacksonReadsThem() {
        for (String day : DAYS) {
            String json = "{\"day\":" + day + "}";
            assertEquals(outcome(REFERENCE, json), outcome(FAST, json), json);
        }
        for (String at : TIMESTAMPS) {
            String json = "{\"at\":" + at + "}";
            assertEquals(outcome(REFERENCE, json), outcome(FAST, json), json);
        }
    }

    @Test
    void theFastPathIsTaken() throws Exception {
        var context = ((DefaultDeserializationContext) FAST.getDeserializationContext())
                .createInstance(FAST.getDeserializationConfig(), null, null);
        for (Class<?> type : List.of(LocalDate.class, OffsetDateTime.class)) {
            String deserializer = context.findRootValueDeserializer(FAST.constructType(type)).getClass().getName();
            assertEquals(IsoDates.class.getName() + "$Fast", deserializer, type.getName());
        }
        assertEquals(LocalDate.of(2026, 11, 20), IsoDates.date("2026-11-20"));
        assertEquals(null, IsoDates.date("2026-02-30"));
    }

    private static String outcome(ObjectMapper mapper, String json) {
        try {
            Dated d = mapper.readValue(json, Dated.class);
            return "value " + d;
        } catch (Exception e) {
            return "refused " + e.getClass().getSimpleName();
        }
    }
}
