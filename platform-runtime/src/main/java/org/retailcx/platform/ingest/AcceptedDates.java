package org.retailcx.platform.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The calendar dates ingestion accepts, {@code retailcx.ingest.earliest-date} to {@code retailcx.ingest.latest-date}
 * (1900-01-01 to 2199-12-31 by default): every service's {@code gold.dim_date} covers them, so a date that passes
 * here has a date key, and one outside (year 0, ±999999999, a birth date in 1066) is a 400 naming the field rather
 * than a failed lookup later. A date-time is judged by its UTC date.
 */
@ApplicationScoped
public class AcceptedDates {

    private final LocalDate earliest;
    private final LocalDate latest;

    public AcceptedDates(@ConfigProperty(name = "retailcx.ingest.earliest-date", defaultValue = "1900-01-01") LocalDate earliest,
            @ConfigProperty(name = "retailcx.ingest.latest-date", defaultValue = "2199-12-31") LocalDate latest) {
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("retailcx.ingest.latest-date " + latest + " is before earliest-date "
                    + earliest);
        }
        this.earliest = earliest;
        this.latest = latest;
    }

    /** @return why {@code value} is not accepted, or null when it is (or is not a date at all) */
    public String refusal(Object value) {
        LocalDate date = dateOf(value);
        if (date == null || (!date.isBefore(earliest) && !date.isAfter(latest))) {
            return null;
        }
        return "must lie between " + earliest + " and " + latest;
    }

    private static LocalDate dateOf(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof OffsetDateTime t) {
            try {
                return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeException beyondTheCalendar) { // ±999999999 with an offset has no UTC date
                return t.toLocalDate();
            }
        }
        if (value instanceof ZonedDateTime t) {
            return dateOf(t.toOffsetDateTime());
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return null;
    }
}
