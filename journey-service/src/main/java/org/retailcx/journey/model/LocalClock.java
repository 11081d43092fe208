package org.retailcx.journey.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/** Wall-clock arithmetic in a customer's time zone that stays right across daylight-saving changes. */
public final class LocalClock {

    private LocalClock() {
    }

    /**
     * The first instant after {@code after} at which the customer's wall clock reaches {@code time}. When the
     * clock skips {@code time} (spring forward) that is the instant it jumps past it; when it shows {@code time}
     * twice (autumn), each showing counts, so the answer is whichever comes next.
     */
    public static Instant nextOccurrence(Instant after, ZoneId zone, LocalTime time) {
        ZoneRules rules = zone.getRules();
        LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
        for (int day = 0; day < 4; day++, date = date.plusDays(1)) {
            LocalDateTime local = LocalDateTime.of(date, time);
            Instant earliest = null;
            for (ZoneOffset offset : rules.getValidOffsets(local)) {
                Instant candidate = local.toInstant(offset);
                if (candidate.isAfter(after) && (earliest == null || candidate.isBefore(earliest))) {
                    earliest = candidate;
                }
            }
            if (rules.getValidOffsets(local).isEmpty()) {
                ZoneOffsetTransition gap = rules.getTransition(local);
                if (gap.getInstant().isAfter(after)) {
                    earliest = gap.getInstant();
                }
            }
            if (earliest != null) {
                return earliest;
            }
        }
        throw new IllegalStateException("no " + time + " in " + zone + " within two days of " + after);
    }

    /** The instant the customer's local {@code date} begins (not always 00:00 where a zone skips midnight). */
    public static Instant startOfDay(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }
}
