package org.retailcx.sales.model.commission;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The period a quota (and so tier attainment) is measured over. */
public enum QuotaPeriod {
    MONTH, QUARTER, YEAR;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QuotaPeriod> ofApiName(String name) {
        return Arrays.stream(values()).filter(p -> p.apiName().equals(name)).findFirst();
    }

    public LocalDate start(LocalDate day) {
        return switch (this) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    public LocalDate end(LocalDate day) {
        LocalDate start = start(day);
        return switch (this) {
            case MONTH -> start.plusMonths(1).minusDays(1);
            case QUARTER -> start.plusMonths(3).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
        };
    }

    /** {@code 2026-11}, {@code 2026-Q4} or {@code 2026}: the same labels the metric filters accept. */
    public String label(LocalDate day) {
        return switch (this) {
            case MONTH -> "%d-%02d".formatted(day.getYear(), day.getMonthValue());
            case QUARTER -> "%d-Q%d".formatted(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(day.getYear());
        };
    }
}
