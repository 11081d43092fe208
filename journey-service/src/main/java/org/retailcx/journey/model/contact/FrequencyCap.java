package org.retailcx.journey.model.contact;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.retailcx.journey.model.LocalClock;

/**
 * At most {@code maxMessages} in a window: a rolling duration, or the customer's local calendar day or week
 * (Monday to Sunday). Calendar windows follow the customer's clock, so a day can last 23 or 25 hours.
 */
public record FrequencyCap(int maxMessages, Window window, Duration rolling) {

    public enum Window { ROLLING, LOCAL_DAY, LOCAL_WEEK }

    public FrequencyCap {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("a cap allows at least one message, was " + maxMessages);
        }
        if (window == Window.ROLLING && (rolling == null || rolling.isNegative() || rolling.isZero())) {
            throw new IllegalArgumentException("a rolling cap needs a positive duration");
        }
    }

    public static FrequencyCap rolling(int maxMessages, Duration window) {
        return new FrequencyCap(maxMessages, Window.ROLLING, window);
    }

    public static FrequencyCap perLocalDay(int maxMessages) {
        return new FrequencyCap(maxMessages, Window.LOCAL_DAY, null);
    }

    public static FrequencyCap perLocalWeek(int maxMessages) {
        return new FrequencyCap(maxMessages, Window.LOCAL_WEEK, null);
    }

    /**
     * The earliest instant not before {@code at} at which one more message fits, given the send times (ascending,
     * none after {@code at}).
     */
    Instant releaseAfter(List<Instant> sent, Instant at, ZoneId zone) {
        switch (window) {
            case ROLLING -> {
                Instant windowStart = at.minus(rolling);
                List<Instant> inWindow = sent.stream().filter(t -> t.isAfter(windowStart)).toList();
                if (inWindow.size() < maxMessages) {
                    return at;
                }
                // The window must slide past enough sends to leave room for one more.
                return inWindow.get(inWindow.size() - maxMessages).plus(rolling);
            }
            case LOCAL_DAY -> {
                LocalDate day = at.atZone(zone).toLocalDate();
                return release(sent, zone, day, day.plusDays(1), at);
            }
            default -> {
                LocalDate monday = at.atZone(zone).toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return release(sent, zone, monday, monday.plusWeeks(1), at);
            }
        }
    }

    private Instant release(List<Instant> sent, ZoneId zone, LocalDate from, LocalDate until, Instant at) {
        Instant start = LocalClock.startOfDay(from, zone);
        Instant end = LocalClock.startOfDay(until, zone);
        long count = sent.stream().filter(t -> !t.isBefore(start) && t.isBefore(end)).count();
        return count < maxMessages ? at : end;
    }

    @Override
    public String toString() {
        return maxMessages + " per " + (window == Window.ROLLING ? rolling.toString() : window.name().toLowerCase());
    }
}
