package org.retailcx.journey.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Event times are UTC offsets. */
final class Times {

    private Times() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
