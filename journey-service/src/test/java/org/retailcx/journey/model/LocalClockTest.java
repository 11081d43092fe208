package org.retailcx.journey.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class LocalClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void laterTodayOrTomorrow() {
        assertEquals(Instant.parse("2025-06-02T07:00:00Z"),
                LocalClock.nextOccurrence(Instant.parse("2025-06-02T05:00:00Z"), BERLIN, LocalTime.of(9, 0)));
        assertEquals(Instant.parse("2025-06-03T07:00:00Z"),
                LocalClock.nextOccurrence(Instant.parse("2025-06-02T07:00:00Z"), BERLIN, LocalTime.of(9, 0)));
    }

    /** 30 March 2025 the clock jumps from 02:00 CET to 03:00 CEST: 02:30 never shows, 03:00 CEST is the moment. */
    @Test
    void aSkippedTimeArrivesWhenTheClockJumpsPastIt() {
        assertEquals(Instant.parse("2025-03-30T01:00:00Z"),
                LocalClock.nextOccurrence(Instant.parse("2025-03-29T23:30:00Z"), BERLIN, LocalTime.of(2, 30)));
    }

    /** 26 October 2025 the clock shows 02:30 twice, at 00:30 UTC (CEST) and 01:30 UTC (CET). */
    @Test
    void aRepeatedTimeArrivesAtEachShowing() {
        Instant before = Instant.parse("2025-10-26T00:00:00Z");
        Instant first = LocalClock.nextOccurrence(before, BERLIN, LocalTime.of(2, 30));
        Instant second = LocalClock.nextOccurrence(first, BERLIN, LocalTime.of(2, 30));

        assertEquals(Instant.parse("2025-10-26T00:30:00Z"), first);
        assertEquals(Instant.parse("2025-10-26T01:30:00Z"), second);
        assertEquals(Instant.parse("2025-10-27T01:30:00Z"), LocalClock.nextOccurrence(second, BERLIN,
                LocalTime.of(2, 30)));
    }

    /** Chile's clocks skip midnight on its spring-forward day; the day begins at 01:00. */
    @Test
    void aDayCanBeginAfterMidnight() {
        assertEquals(Instant.parse("2025-09-07T04:00:00Z"),
                LocalClock.startOfDay(java.time.LocalDate.of(2025, 9, 7), ZoneId.of("America/Santiago")));
    }
}
