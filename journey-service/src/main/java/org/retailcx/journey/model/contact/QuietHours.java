package org.retailcx.journey.model.contact;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.retailcx.journey.model.LocalClock;

/** No messages while the customer's wall clock is in [start, end); the span may run over midnight. */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        if (start == null || end == null || start.equals(end)) {
            throw new IllegalArgumentException("quiet hours need distinct start and end times");
        }
    }

    public boolean isQuietAt(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** When the quiet period holding {@code at} ends: the next time the wall clock reaches {@code end}. */
    public Instant endAfter(Instant at, ZoneId zone) {
        return LocalClock.nextOccurrence(at, zone, end);
    }
}
