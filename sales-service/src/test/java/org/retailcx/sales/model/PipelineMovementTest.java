package org.retailcx.sales.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.retailcx.sales.model.PipelineMovement.Bucket;
import org.retailcx.sales.model.PipelineMovement.State;
import org.retailcx.sales.model.PipelineMovement.Status;

class PipelineMovementTest {

    private static final LocalDate FROM = LocalDate.parse("2026-10-01");
    private static final LocalDate TO = LocalDate.parse("2026-10-31");

    private static State open(int amount, String close) {
        return new State(Status.OPEN, BigDecimal.valueOf(amount), LocalDate.parse(close));
    }

    private static State won(int amount) {
        return new State(Status.WON, BigDecimal.valueOf(amount), TO);
    }

    private static State lost(int amount) {
        return new State(Status.LOST, BigDecimal.valueOf(amount), TO);
    }

    @Test
    void everyCategoryOfAHandBuiltWindowAndTheyReconcile() {
        var w = new PipelineMovement(FROM, TO)
                .add(open(100, "2026-10-15"), open(150, "2026-10-20"))   // increased 50
                .add(open(200, "2026-10-10"), open(120, "2026-10-25"))   // decreased 80
                .add(State.absent(), open(300, "2026-10-30"))             // new 300
                .add(open(400, "2026-11-15"), open(400, "2026-10-28"))   // pulled in 400
                .add(open(500, "2026-10-05"), open(500, "2026-12-01"))   // pushed out 500
                .add(open(600, "2026-10-20"), won(650))                   // increased 50, won 650
                .add(open(700, "2026-10-31"), lost(700))                  // lost 700
                .add(State.absent(), won(80))                             // new 80, won 80
                .add(won(999), won(999))                                  // closed before: outside
                .add(open(50, "2026-12-01"), open(60, "2026-12-15"))     // never in scope
                .add(open(90, "2026-09-01"), lost(90))                    // overdue at start: pulled in 90, lost 90
                .waterfall();
        assertEquals(new Bucket(BigDecimal.valueOf(2100), 5), w.starting());
        assertEquals(new Bucket(BigDecimal.valueOf(380), 2), w.created());
        assertEquals(new Bucket(BigDecimal.valueOf(100), 2), w.increased());
        assertEquals(new Bucket(BigDecimal.valueOf(80), 1), w.decreased());
        assertEquals(new Bucket(BigDecimal.valueOf(490), 2), w.pulledIn());
        assertEquals(new Bucket(BigDecimal.valueOf(500), 1), w.pushedOut());
        assertEquals(new Bucket(BigDecimal.valueOf(730), 2), w.won());
        assertEquals(new Bucket(BigDecimal.valueOf(790), 2), w.lost());
        assertEquals(new Bucket(BigDecimal.valueOf(970), 4), w.ending());
        assertTrue(w.reconciles(), () -> "computed " + w.computedEnding());
        // Counts: 5 + 2 new + 2 pulled in − 1 pushed out − 2 won − 2 lost = 4; the 2 increased and 1 decreased are
        // deals already in the starting count, so adding them (5 + 2 + 2 − 1 + 2 − 1 − 2 − 2 = 5) would not hold.
        assertEquals(4, w.computedEndingCount());
        assertEquals(w.ending().count(), w.computedEndingCount());
    }

    @Test
    void aReopenedDealCountsAsNewAndAnUnchangedOneMovesNothing() {
        var w = new PipelineMovement(FROM, TO)
                .add(lost(300), open(300, "2026-10-20"))
                .add(open(200, "2026-10-10"), open(200, "2026-10-10"))
                .waterfall();
        assertEquals(new Bucket(BigDecimal.valueOf(300), 1), w.created());
        assertEquals(0, w.increased().count() + w.decreased().count());
        assertEquals(new Bucket(BigDecimal.valueOf(500), 2), w.ending());
        assertTrue(w.reconciles());
    }

    @Test
    void missingAmountsCountAsZeroAndAnOpenDealWithoutCloseDateIsOutOfScope() {
        var w = new PipelineMovement(FROM, TO)
                .add(new State(Status.OPEN, null, LocalDate.parse("2026-10-02")), open(40, "2026-10-02"))
                .add(new State(Status.OPEN, BigDecimal.TEN, null), new State(Status.OPEN, BigDecimal.TEN, null))
                .waterfall();
        assertEquals(new Bucket(BigDecimal.valueOf(40), 1), w.increased());
        assertEquals(new Bucket(BigDecimal.valueOf(40), 1), w.ending());
        assertTrue(w.reconciles());
    }

    @Test
    void aWindowMustNotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new PipelineMovement(TO, FROM));
    }
}
