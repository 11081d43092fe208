package org.retailcx.platform.ingest;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The common shapes of ISO dates ({@code 2026-11-20}) and UTC timestamps ({@code 2026-11-20T15:00:00.123Z}) read
 * without {@code DateTimeFormatter}, which took half of a batch's binding time. Anything else — another offset, a
 * malformed or impossible date, a number — goes to the deserializer Jackson would have used, with its errors and its
 * coercion rules.
 */
final class IsoDates {

    private IsoDates() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("retailcx-iso-dates");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == LocalDate.class || type == OffsetDateTime.class) {
                    return new Fast(deserializer, type == OffsetDateTime.class);
                }
                return deserializer;
            }
        });
        return module;
    }

    private static final class Fast extends DelegatingDeserializer {
        private final boolean timestamp;

        Fast(JsonDeserializer<?> delegate, boolean timestamp) {
            super(delegate);
            this.timestamp = timestamp;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Fast(delegate, timestamp);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                Object value = timestamp ? utcTimestamp(text, ctxt) : date(text);
                if (value != null) {
                    return value;
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** {@code yyyy-MM-dd}, or null. */
    static LocalDate date(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} as Jackson would read it (in UTC), or null. */
    static OffsetDateTime utcTimestamp(String s, DeserializationContext ctxt) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':'
                || (ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                        && ctxt.getTimeZone().getRawOffset() != 0)) {
            return null;
        }
        LocalDate date = date(s.substring(0, 10));
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, fraction);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (date == null || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return OffsetDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), hour, minute, second,
                    nanos, ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The non-negative number in {@code s[from, from + count)}, or -1 unless it is all ASCII digits. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
