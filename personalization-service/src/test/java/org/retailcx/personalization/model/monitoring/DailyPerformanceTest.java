package org.retailcx.personalization.model.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.retailcx.personalization.model.monitoring.DailyPerformance.Key;
import org.retailcx.personalization.model.monitoring.DailyPerformance.Labelled;

class DailyPerformanceTest {

    private static final LocalDate D1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 3, 2);

    private static Labelled l(int version, LocalDate day, double p, boolean y, Double ms) {
        return new Labelled("sales.lead-scoring", version, day, p, y, ms);
    }

    @Test
    void groupsByVersionAndDayAndScoresEachGroupOnItsOwn() {
        List<Labelled> all = List.of(
                l(1, D1, 0.9, true, 10.0), l(1, D1, 0.8, false, 20.0), l(1, D1, 0.3, true, 30.0),
                l(1, D1, 0.1, false, 40.0),
                l(1, D2, 0.7, true, null), l(1, D2, 0.2, false, null),
                l(2, D1, 0.6, false, 5.0), l(2, D1, 0.4, true, 5.0));
        var rows = DailyPerformance.compute(all, 0.5);
        assertEquals(3, rows.size());

        var v1d1 = rows.get(0);
        assertEquals(new Key("sales.lead-scoring", 1, D1), v1d1.key());
        assertEquals(4, v1d1.predictions());
        assertEquals(2, v1d1.positives());
        // at 0.5: TP 0.9, FP 0.8, FN 0.3, TN 0.1
        assertEquals(0.5, v1d1.accuracy(), 1e-12);
        assertEquals(0.5, v1d1.precision(), 1e-12);
        assertEquals(0.5, v1d1.recall(), 1e-12);
        assertEquals(0.5, v1d1.f1(), 1e-12);
        // positive/negative pairs won: (0.9>0.8),(0.9>0.1),(0.3>0.1) of 4 → 0.75
        assertEquals(0.75, v1d1.auc(), 1e-12);
        double logLoss = -(Math.log(0.9) + Math.log(0.2) + Math.log(0.3) + Math.log(0.9)) / 4;
        assertEquals(logLoss, v1d1.logLoss(), 1e-12);
        assertEquals(20.0, v1d1.latencyP50());
        assertEquals(40.0, v1d1.latencyP99());

        var v1d2 = rows.get(1);
        assertEquals(D2, v1d2.key().day());
        assertEquals(1.0, v1d2.accuracy(), 1e-12);
        assertEquals(1.0, v1d2.auc(), 1e-12);
        assertNull(v1d2.latencyP50(), "no runtime recorded: no latency figure, not zero");

        var v2d1 = rows.get(2);
        assertEquals(2, v2d1.key().version());
        assertEquals(0.0, v2d1.auc(), 1e-12);
        assertEquals(0.0, v2d1.accuracy(), 1e-12);
    }

    @Test
    void thresholdMovesTheConfusionMetricsButNotAucOrLogLoss() {
        List<Labelled> all = List.of(l(1, D1, 0.9, true, 1.0), l(1, D1, 0.8, false, 1.0),
                l(1, D1, 0.3, true, 1.0), l(1, D1, 0.1, false, 1.0));
        var at05 = DailyPerformance.compute(all, 0.5).get(0);
        var at02 = DailyPerformance.compute(all, 0.2).get(0);
        assertEquals(1.0, at02.recall(), 1e-12);
        assertEquals(0.75, at02.accuracy(), 1e-12);
        assertEquals(at05.auc(), at02.auc(), 0);
        assertEquals(at05.logLoss(), at02.logLoss(), 0);
        assertThrows(IllegalArgumentException.class, () -> DailyPerformance.compute(all, 1.5));
    }

    @Test
    void aBatchAffectsOnlyTheVersionDaysItTouches() {
        Set<Key> keys = DailyPerformance.affected(List.of(l(1, D1, 0.5, true, null), l(1, D1, 0.4, false, null),
                l(2, D2, 0.5, true, null)));
        assertEquals(Set.of(new Key("sales.lead-scoring", 1, D1), new Key("sales.lead-scoring", 2, D2)), keys);
    }
}
