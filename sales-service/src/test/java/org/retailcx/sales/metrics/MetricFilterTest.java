package org.retailcx.sales.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.retailcx.platform.problem.ProblemException;

class MetricFilterTest {

    private static final MetricFilter.Columns COLUMNS = new MetricFilter.Columns("f.close_date", "r.rep_id", "r.team",
            "t.path", "p.product_code", null);

    @Test
    void periodsExpandToInclusiveBounds() {
        MetricFilter quarter = MetricFilter.of("2026-Q4", null, null, null, null, null);
        assertEquals(LocalDate.of(2026, 10, 1), quarter.fromDate());
        assertEquals(LocalDate.of(2026, 12, 31), quarter.toDate());
        MetricFilter month = MetricFilter.of("2024-02", null, null, null, null, null);
        assertEquals(LocalDate.of(2024, 2, 29), month.toDate());
        assertEquals(LocalDate.of(2025, 1, 1), MetricFilter.of("2025", null, null, null, null, null).fromDate());
    }

    @Test
    void conditionNumbersParametersAndSkipsFiltersTheMetricCannotApply() {
        MetricFilter filter = MetricFilter.of("2026-11", "rep-1", null, "north", "loan", "Branch");
        MetricFilter.Condition condition = filter.condition(COLUMNS, 3);
        assertEquals("f.close_date >= $3 and f.close_date <= $4 and r.rep_id = $5 and $6 = any(t.path)"
                + " and p.product_code = $7", condition.sql());
        assertEquals(List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "rep-1", "north", "loan"),
                condition.params());
        assertEquals("true", new MetricFilter().condition(COLUMNS, 1).sql());
    }

    @Test
    void badPeriodsNameTheField() {
        assertEquals("period", assertThrows(ProblemException.class,
                () -> MetricFilter.of("Q4", null, null, null, null, null).fromDate()).errors().get(0).field());
        assertEquals("period", assertThrows(ProblemException.class,
                () -> new MetricFilter().requiredPeriod()).errors().get(0).field());
        MetricFilter backwards = new MetricFilter();
        backwards.from = "2026-02-01";
        backwards.to = "2026-01-01";
        assertEquals("to", assertThrows(ProblemException.class,
                () -> backwards.condition(COLUMNS, 1)).errors().get(0).field());
    }
}
