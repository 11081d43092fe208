package org.retailcx.sales.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.retailcx.platform.problem.ProblemException;

class MetricFilterTest {

    private static final RepScope ALL = new RepScope(RepScope.Kind.ALL, null);
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
        MetricFilter.Condition condition = filter.within(ALL).condition(COLUMNS, 3);
        assertEquals("f.close_date >= $3 and f.close_date <= $4 and r.rep_id = $5 and $6 = any(t.path)"
                + " and p.product_code = $7", condition.sql());
        assertEquals(List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "rep-1", "north", "loan"),
                condition.params());
        assertEquals("true", new MetricFilter().within(ALL).condition(COLUMNS, 1).sql());
    }

    @Test
    void theCallersScopeNarrowsEveryConditionWithARepColumn() {
        MetricFilter own = MetricFilter.of("2026-11", null, "East", null, null, null)
                .within(new RepScope(RepScope.Kind.OWN, "REP-7"));
        MetricFilter.Condition condition = own.condition(COLUMNS, 1);
        assertEquals("f.close_date >= $1 and f.close_date <= $2 and r.team = $3 and r.rep_id = $4", condition.sql());
        assertEquals(List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "East", "REP-7"),
                condition.params());
        // a metric without a rep column is not narrowed (and must then not be offered to reps)
        assertEquals("true", own.condition(new MetricFilter.Columns(null, null, null, null, null, null), 1).sql());

        MetricFilter.Condition team = MetricFilter.of(null, null, null, null, null, null)
                .within(new RepScope(RepScope.Kind.TEAM, "MGR-1")).condition(COLUMNS, 2);
        assertTrue(team.sql().startsWith("r.rep_id in (select m.rep_id from gold.dim_sales_rep m"), team.sql());
        assertTrue(team.sql().contains("m.manager_id = $2"), team.sql());
        assertEquals(List.of("MGR-1"), team.params());
        assertEquals("false", MetricFilter.of(null, null, null, null, null, null)
                .within(new RepScope(RepScope.Kind.NONE, null)).condition(COLUMNS, 1).sql());
    }

    @Test
    void aRepAskingForAnotherRepsFiguresIsForbiddenAndAnUnscopedFilterIsRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> MetricFilter
                .of(null, "REP-8", null, null, null, null).within(new RepScope(RepScope.Kind.OWN, "REP-7")));
        assertEquals(403, e.status());
        assertEquals("repId", e.errors().get(0).field());
        assertEquals("r.rep_id = $1 and r.rep_id = $2", MetricFilter.of(null, "REP-7", null, null, null, null)
                .within(new RepScope(RepScope.Kind.OWN, "REP-7")).condition(COLUMNS, 1).sql());
        assertThrows(IllegalStateException.class, () -> new MetricFilter().condition(COLUMNS, 1));
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
                () -> backwards.within(ALL).condition(COLUMNS, 1)).errors().get(0).field());
    }
}
